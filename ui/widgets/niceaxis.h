#pragma once

namespace vds::ui {

/// A Y axis whose top and step are "nice" numbers (1, 2 or 5 × 10^n), so grid lines read as
/// 0, 50 MB/s, 100 MB/s … instead of 0, 37.3, 74.6 ….
struct NiceAxis {
    double max = 1.0;  ///< top of the axis, ≥ the data's maximum
    double step = 1.0; ///< distance between grid lines
    int ticks = 1;     ///< number of steps from 0 to max

    /// An axis for data whose largest value is `dataMax`, with about `targetTicks` steps.
    /// A non-positive or non-finite dataMax gives 0 … 1 in one step.
    static NiceAxis forMaximum(double dataMax, int targetTicks = 4);
};

} // namespace vds::ui
