#pragma once

#include "commandline.h"

namespace cli {

// Shell completion from the command table, for the bash and zsh scripts in completion/ (they call
// `plugdeskctl __complete WORD... CURRENT`, as cobra-made CLIs such as docker do). Candidates come one per line,
// already filtered by CURRENT; the last line is a directive for the shell: ":" (nothing more), ":files" or
// ":dirs" (let the shell complete paths).
struct Completion
{
    QStringList candidates;
    QString directive; // "", "files", "dirs"
    // When the current word is a plugin or volume name: which, and the global options to list them with.
    ArgumentKind names = ArgumentKind::Other;
    QStringList globalArguments;
};

// `words`: the words after "plugdeskctl", the last one being completed (empty for a new word).
Completion complete(const CommandLine &commandLine, const QStringList &words);
// `__complete`: prints complete()'s answer, listing plugin names (`plugin ls --format {{.Name}}`) and volume
// names (`volume ls -q`) by running this program again with the same global options, and connection names
// (`connection ls -q`), errors discarded.
int printCompletion(const CommandLine &commandLine, const QStringList &words, QTextStream &out);

} // namespace cli
