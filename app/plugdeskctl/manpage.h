#pragma once

#include "commandline.h"

namespace cli {

// roff man pages made from the command table, so they say what --help says: plugdeskctl(1) and one page a verb,
// plugdeskctl-GROUP-VERB(1) (plugdeskctl-login(1) for a top-level verb). The build runs
// `plugdeskctl __man DIR` (app/CMakeLists.txt) in the C locale.
QString manPageName(const Command &command);
QString topManPage(const CommandLine &commandLine);
QString commandManPage(const CommandLine &commandLine, const Command &command);
// `__man DIR`: writes every page into DIR (made if missing; stale *.1 pages removed). Returns the exit status.
int writeManPages(const CommandLine &commandLine, const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace cli
