// The core's folders are layers: each includes only itself and the folders below it, so no two folders include each
// other and each is a library that links only what is below it (core/CMakeLists.txt, docs/architecture.md). This
// test reads every #include "core/<folder>/..." under core/ and fails on a folder that includes one above it, on a
// cycle between folders, and on a cycle between headers. It prints the folder graph it found.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <functional>

namespace {

// Bottom first. A folder may include the folders before it in this list, never one after it. A new folder under
// core/ goes here (and into core/CMakeLists.txt) before its first include.
const QStringList kLayers{
    QStringLiteral("base"),       QStringLiteral("plugin"),  QStringLiteral("store"),  QStringLiteral("archive"),
    QStringLiteral("registry"),   QStringLiteral("runtime"), QStringLiteral("volume"), QStringLiteral("engine"),
    QStringLiteral("connection"), QStringLiteral("docker"),  QStringLiteral("helper"),
};

struct Include
{
    QString from; // "core/runtime/socketproxy.h"
    int line = 0;
    QString to; // "core/base/result.h"
};

QString folderOf(const QString &path)
{
    return path.section(QLatin1Char('/'), 1, 1); // "core/<folder>/<file>"
}

QString coreDir()
{
    return QStringLiteral(PLUGDESK_SOURCE_DIR "/core");
}

// Every #include "core/..." in core/**/*.h and *.cpp, in path order.
QList<Include> scanIncludes()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*#\\s*include\\s*\"(core/[^\"]+)\""));
    QStringList files;
    QDirIterator it(coreDir(), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    QList<Include> includes;
    const QDir source(QStringLiteral(PLUGDESK_SOURCE_DIR));
    for (const QString &file : files) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            continue;
        const QString from = source.relativeFilePath(file);
        int number = 0;
        while (!in.atEnd()) {
            const QString line = QString::fromUtf8(in.readLine());
            ++number;
            if (const auto match = pattern.match(line); match.hasMatch())
                includes.append({from, number, match.captured(1)});
        }
    }
    return includes;
}

// The cycles of a directed graph: one path per strongly connected component with more than one node (or a node that
// reaches itself), "a -> b -> a". Tarjan's algorithm, recursive: the graphs here have tens of nodes.
QStringList cyclesOf(const QMap<QString, QSet<QString>> &graph)
{
    QHash<QString, int> index;
    QHash<QString, int> low;
    QStringList stack;
    QSet<QString> onStack;
    QList<QStringList> components;
    int next = 0;
    std::function<void(const QString &)> visit = [&](const QString &node) {
        index[node] = low[node] = next++;
        stack.append(node);
        onStack.insert(node);
        for (const QString &target : graph.value(node)) {
            if (!index.contains(target)) {
                visit(target);
                low[node] = qMin(low[node], low[target]);
            } else if (onStack.contains(target)) {
                low[node] = qMin(low[node], index[target]);
            }
        }
        if (low[node] == index[node]) {
            QStringList component;
            QString member;
            do {
                member = stack.takeLast();
                onStack.remove(member);
                component.append(member);
            } while (member != node);
            if (component.size() > 1 || graph.value(node).contains(node))
                components.append(component);
        }
    };
    for (auto it = graph.constBegin(); it != graph.constEnd(); ++it) {
        if (!index.contains(it.key()))
            visit(it.key());
    }
    // Name one concrete cycle per component: a breadth-first path back from its first member to itself.
    QStringList cycles;
    for (const QStringList &component : components) {
        const QSet<QString> members(component.cbegin(), component.cend());
        const QString start = *std::min_element(component.cbegin(), component.cend());
        QHash<QString, QString> parent;
        QStringList queue{start};
        QString last;
        while (!queue.isEmpty() && last.isEmpty()) {
            const QString node = queue.takeFirst();
            for (const QString &target : graph.value(node)) {
                if (!members.contains(target))
                    continue;
                if (target == start) {
                    last = node;
                    break;
                }
                if (!parent.contains(target)) {
                    parent.insert(target, node);
                    queue.append(target);
                }
            }
        }
        QStringList path{start};
        for (QString node = last; node != start; node = parent.value(node))
            path.prepend(node);
        path.prepend(start);
        cycles.append(path.join(QStringLiteral(" -> ")));
    }
    cycles.sort();
    return cycles;
}

} // namespace

class TestLayers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_includes = scanIncludes();
        QVERIFY2(m_includes.size() > 100, "core/ was not found or holds no includes: is PLUGDESK_SOURCE_DIR right?");
    }

    void everyFolderHasALayer()
    {
        const QStringList folders = QDir(coreDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &folder : folders)
            QVERIFY2(kLayers.contains(folder),
                     qPrintable(QStringLiteral("core/%1/ is in no layer: add it to kLayers in tst_layers.cpp and to "
                                               "core/CMakeLists.txt")
                                    .arg(folder)));
        for (const QString &layer : kLayers)
            QVERIFY2(folders.contains(layer),
                     qPrintable(QStringLiteral("core/%1/ is declared but missing").arg(layer)));
    }

    void folderGraph()
    {
        QMap<QString, QSet<QString>> graph;
        for (const Include &include : std::as_const(m_includes)) {
            if (folderOf(include.from) != folderOf(include.to))
                graph[folderOf(include.from)].insert(folderOf(include.to));
        }
        qInfo("folder include graph (layers bottom first: %s):", qPrintable(kLayers.join(QStringLiteral(" < "))));
        for (const QString &folder : kLayers) {
            QStringList targets = graph.value(folder).values();
            std::sort(targets.begin(), targets.end(),
                      [](const QString &a, const QString &b) { return kLayers.indexOf(a) < kLayers.indexOf(b); });
            qInfo("  %-8s -> %s", qPrintable(folder), qPrintable(targets.join(QLatin1Char(' '))));
        }
        const QStringList cycles = cyclesOf(graph);
        QVERIFY2(cycles.isEmpty(),
                 qPrintable(QStringLiteral("folders include each other: ") + cycles.join(QStringLiteral("; "))));
    }

    void noFolderIncludesOneAbove()
    {
        QStringList upward;
        for (const Include &include : std::as_const(m_includes)) {
            const qsizetype from = kLayers.indexOf(folderOf(include.from));
            const qsizetype to = kLayers.indexOf(folderOf(include.to));
            if (from >= 0 && to > from)
                upward.append(QStringLiteral("%1:%2 includes %3 (%4 is above %5)")
                                  .arg(include.from)
                                  .arg(include.line)
                                  .arg(include.to, folderOf(include.to), folderOf(include.from)));
        }
        QVERIFY2(upward.isEmpty(), qPrintable(QStringLiteral("includes against the layer order:\n  ") +
                                              upward.join(QStringLiteral("\n  "))));
    }

    void noHeaderCycles()
    {
        QMap<QString, QSet<QString>> graph;
        for (const Include &include : std::as_const(m_includes)) {
            if (include.from.endsWith(QLatin1String(".h")))
                graph[include.from].insert(include.to);
        }
        const QStringList cycles = cyclesOf(graph);
        QVERIFY2(cycles.isEmpty(),
                 qPrintable(QStringLiteral("headers include each other: ") + cycles.join(QStringLiteral("; "))));
    }

    void includesNameFilesThatExist()
    {
        QStringList missing;
        for (const Include &include : std::as_const(m_includes)) {
            if (!QFile::exists(QStringLiteral(PLUGDESK_SOURCE_DIR "/") + include.to))
                missing.append(QStringLiteral("%1:%2 %3").arg(include.from).arg(include.line).arg(include.to));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("includes of files that do not exist:\n  ") +
                                               missing.join(QStringLiteral("\n  "))));
    }

    // The checker itself: a cycle and a clean graph.
    void cyclesOfFindsCycles()
    {
        QMap<QString, QSet<QString>> graph;
        graph[QStringLiteral("a")] = {QStringLiteral("b")};
        graph[QStringLiteral("b")] = {QStringLiteral("c")};
        graph[QStringLiteral("c")] = {QStringLiteral("a"), QStringLiteral("d")};
        graph[QStringLiteral("d")] = {};
        QCOMPARE(cyclesOf(graph), QStringList{QStringLiteral("a -> b -> c -> a")});
        graph[QStringLiteral("c")] = {QStringLiteral("d")};
        QCOMPARE(cyclesOf(graph), QStringList());
        graph[QStringLiteral("d")] = {QStringLiteral("d")};
        QCOMPARE(cyclesOf(graph), QStringList{QStringLiteral("d -> d")});
    }

private:
    QList<Include> m_includes;
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
