#pragma once

#include <QString>

#include <vds/util/error.h>

namespace vds::ui {

/// An error worded for people: what happened, what to do, and the technical detail (shown
/// behind "Details").
struct ErrorText {
    QString headline;
    QString advice;
    QString technical;
};

[[nodiscard]] ErrorText describe(const vds::Error &error);

} // namespace vds::ui
