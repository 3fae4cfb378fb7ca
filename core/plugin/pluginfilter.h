#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QStringList>

namespace core {

// `plugin ls --filter`: keys `enabled` (true, false, 1, 0) and `capability` (an exact capability name such as
// volumedriver; a plugin matches when any of its types has it: docs/docker-compat.md §9, not Docker's all-types regex).
// Values of one key are alternatives; different keys must all match.
class PluginFilter final
{
    Q_DECLARE_TR_FUNCTIONS(PluginFilter)

public:
    // Parses "key=value" terms. Errors name the term: `invalid filter 'colour'`, `invalid filter 'enabled=maybe'`.
    static Result<PluginFilter> parse(const QStringList &terms);

    bool matches(const Plugin &plugin) const;
    bool isEmpty() const { return m_enabled.isEmpty() && m_capabilities.isEmpty(); }

private:
    QList<bool> m_enabled;
    QStringList m_capabilities;
};

} // namespace core
