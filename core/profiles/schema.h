#pragma once

#include <QJsonObject>

/// The JSON Schema (draft 2020-12) of a `.vdsprofile`, generated from the job tables
/// (jobtable.h) so the schema, the loader and the command line cannot disagree about a key or
/// a type. It describes the shape (keys, types, required fields, secret references); value
/// rules (ranges, choice lists) are the command line's and are checked on load. Shipped as
/// resources/schema/vdsprofile.schema.json (a test keeps that file equal to this).
namespace vds::profiles {

[[nodiscard]] QJsonObject jsonSchema();

} // namespace vds::profiles
