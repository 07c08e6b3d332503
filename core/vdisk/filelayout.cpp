#include <vds/vdisk/filelayout.h>

#include <algorithm>

namespace vds::vdisk {

void FileLayout::add(const char *what, std::uint64_t offset, std::uint64_t length,
                     std::uint64_t index)
{
    if (length > 0)
        m_extents.push_back({offset, length, index, what});
}

std::string FileLayout::describe(const Extent &e)
{
    std::string s = e.what;
    if (e.index != kNoIndex)
        s += " " + std::to_string(e.index);
    return s + " at offset " + std::to_string(e.offset) + " (" + std::to_string(e.length) +
           " bytes)";
}

Expected<void> FileLayout::check() const
{
    for (const Extent &e : m_extents)
        if (e.offset > m_fileBytes || m_fileBytes - e.offset < e.length)
            return fail(ErrorCategory::Format,
                        describe(e) + " lies beyond the end of the file (" +
                            std::to_string(m_fileBytes) + " bytes)",
                        m_image);
    std::vector<const Extent *> sorted;
    sorted.reserve(m_extents.size());
    for (const Extent &e : m_extents)
        sorted.push_back(&e);
    // Stable: of two extents at one offset, the one recorded later is named as the intruder.
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Extent *a, const Extent *b) { return a->offset < b->offset; });
    // Sorted by start, an overlap always involves the extent reaching furthest so far.
    const Extent *reach = nullptr;
    for (const Extent *e : sorted) {
        if (reach && e->offset < reach->offset + reach->length)
            return fail(ErrorCategory::Format, describe(*e) + " overlaps " + describe(*reach),
                        m_image);
        if (!reach || e->offset + e->length > reach->offset + reach->length)
            reach = e;
    }
    return {};
}

} // namespace vds::vdisk
