#include <vds/profiles/schema.h>

#include <QJsonArray>

#include <vds/profiles/jobtable.h>

namespace vds::profiles {

namespace {

QJsonObject reference(const QStringList &ways)
{
    QJsonArray variants;
    for (const QString &w : ways)
        variants.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{w, QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                         {QStringLiteral("minLength"), 1}}}}},
            {QStringLiteral("required"), QJsonArray{w}},
            {QStringLiteral("additionalProperties"), false}});
    return {{QStringLiteral("description"),
             QStringLiteral("A reference to a secret, never the secret itself.")},
            {QStringLiteral("oneOf"), variants}};
}

QJsonObject fieldSchema(const Field &f)
{
    QJsonObject s;
    const QJsonObject string{{QStringLiteral("type"), QStringLiteral("string")},
                             {QStringLiteral("minLength"), 1}};
    switch (f.type) {
    case ValueType::Flag: s.insert(QStringLiteral("type"), QStringLiteral("boolean")); break;
    case ValueType::String: s = string; break;
    case ValueType::Integer: s.insert(QStringLiteral("type"), QStringLiteral("integer")); break;
    case ValueType::Size:
        s.insert(QStringLiteral("oneOf"),
                 QJsonArray{string, QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                                {QStringLiteral("minimum"), 0}}});
        break;
    case ValueType::List:
        s.insert(QStringLiteral("type"), QStringLiteral("array"));
        s.insert(QStringLiteral("items"), string);
        break;
    case ValueType::Secret:
        s = f.key == QLatin1String("password")
                ? reference(
                      {QStringLiteral("env"), QStringLiteral("file"), QStringLiteral("keyring")})
                : reference({QStringLiteral("env")});
        break;
    }
    if (!f.help.isEmpty())
        s.insert(QStringLiteral("description"), f.help);
    return s;
}

QJsonObject paramsSchema(Kind kind)
{
    const JobTable &t = jobTable(kind);
    QJsonObject properties;
    QJsonArray required;
    for (const Field &f : t.fields) {
        properties.insert(f.key, fieldSchema(f));
        if (f.positional)
            required.append(f.key);
    }
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("description"),
                   QStringLiteral("The options of `vdsctl %1`, keyed by their long names.")
                       .arg(t.command.join(QLatin1Char(' ')))},
                  {QStringLiteral("properties"), properties},
                  {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty())
        s.insert(QStringLiteral("required"), required);
    return s;
}

} // namespace

QJsonObject jsonSchema()
{
    QJsonArray kinds;
    QJsonObject properties{
        {QStringLiteral("schemaVersion"), QJsonObject{{QStringLiteral("const"), kSchemaVersion}}},
        {QStringLiteral("name"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                     {QStringLiteral("minLength"), 1},
                     {QStringLiteral("maxLength"), kMaxNameLength},
                     {QStringLiteral("pattern"), QStringLiteral("^[^./\\\\][^/\\\\]*$")}}},
        {QStringLiteral("description"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
    };
    QJsonObject defs;
    QJsonArray rules;
    for (Kind k : allKinds()) {
        const QString name = kindName(k);
        kinds.append(name);
        defs.insert(name, paramsSchema(k));
        properties.insert(name, QJsonObject{{QStringLiteral("$ref"),
                                             QString(QStringLiteral("#/$defs/") + name)}});
        QJsonArray others;
        for (Kind o : allKinds())
            if (o != k)
                others.append(QJsonObject{{QStringLiteral("required"), QJsonArray{kindName(o)}}});
        rules.append(QJsonObject{
            {QStringLiteral("if"),
             QJsonObject{{QStringLiteral("properties"),
                          QJsonObject{{QStringLiteral("kind"),
                                       QJsonObject{{QStringLiteral("const"), name}}}}}}},
            {QStringLiteral("then"),
             QJsonObject{
                 {QStringLiteral("required"), QJsonArray{name}},
                 {QStringLiteral("not"), QJsonObject{{QStringLiteral("anyOf"), others}}}}}});
    }
    properties.insert(QStringLiteral("kind"), QJsonObject{{QStringLiteral("enum"), kinds}});
    return {
        {QStringLiteral("$schema"), QStringLiteral("https://json-schema.org/draft/2020-12/schema")},
        {QStringLiteral("$id"), QStringLiteral("urn:vdstudio:vdsprofile:%1").arg(kSchemaVersion)},
        {QStringLiteral("title"), QStringLiteral("vdstudio job profile (.vdsprofile)")},
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("schemaVersion"),
                                                QStringLiteral("kind"), QStringLiteral("name")}},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("additionalProperties"), false},
        {QStringLiteral("allOf"), rules},
        {QStringLiteral("$defs"), defs}};
}

} // namespace vds::profiles
