#include "ui/widgets/niceaxis.h"

#include <cmath>

namespace vds::ui {

NiceAxis NiceAxis::forMaximum(double dataMax, int targetTicks)
{
    NiceAxis axis;
    if (!(dataMax > 0.0) || !std::isfinite(dataMax) || targetTicks < 1)
        return axis;
    const double raw = dataMax / targetTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    double nice = 10.0;
    if (fraction <= 1.0)
        nice = 1.0;
    else if (fraction <= 2.0)
        nice = 2.0;
    else if (fraction <= 5.0)
        nice = 5.0;
    axis.step = nice * magnitude;
    axis.ticks = static_cast<int>(std::ceil(dataMax / axis.step - 1e-9));
    if (axis.ticks < 1)
        axis.ticks = 1;
    axis.max = axis.step * axis.ticks;
    return axis;
}

} // namespace vds::ui
