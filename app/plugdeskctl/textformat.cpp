#include "textformat.h"

#include <QChar>
#include <QRegularExpression>

namespace cli {

namespace {

int codePointWidth(char32_t cp)
{
    if (cp == 0 || QChar::category(cp) == QChar::Mark_NonSpacing || QChar::category(cp) == QChar::Mark_Enclosing)
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

} // namespace

int displayWidth(QStringView text)
{
    int width = 0;
    for (char32_t cp : text.toUcs4())
        width += codePointWidth(cp);
    return width;
}

QString ellipsis(const QString &text, int maxWidth)
{
    if (maxWidth <= 0)
        return {};
    const QList<uint> codePoints = text.toUcs4();
    if (displayWidth(text) <= maxWidth)
        return text;
    if (maxWidth == 1)
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), 1);
    int width = 0;
    qsizetype keep = 0;
    for (; keep < codePoints.size(); ++keep) {
        const int next = width + codePointWidth(codePoints[keep]);
        if (next > maxWidth - 1)
            break;
        width = next;
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), keep) + QStringLiteral("…");
}

bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ie = i;
            while (ie < a.size() && a[ie].isDigit())
                ++ie;
            qsizetype je = j;
            while (je < b.size() && b[je].isDigit())
                ++je;
            // Compare the numbers by magnitude without converting (they may be long): strip leading zeros.
            QStringView na = QStringView(a).mid(i, ie - i);
            QStringView nb = QStringView(b).mid(j, je - j);
            while (na.size() > 1 && na.front() == QLatin1Char('0'))
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == QLatin1Char('0'))
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (const int c = na.compare(nb); c != 0)
                return c < 0;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

QString tabulate(const QList<QStringList> &rows)
{
    constexpr int minWidth = 10;
    constexpr int padding = 3;
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column + 1 < row.size(); ++column) {
            if (widths.size() <= column)
                widths.append(minWidth);
            widths[column] = qMax(widths[column], static_cast<int>(row[column].toUcs4().size()) + padding);
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            out += row[column];
            if (column + 1 < row.size())
                out += QString(widths[column] - row[column].toUcs4().size(), QLatin1Char(' '));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

QString indentedJson(const QJsonDocument &document)
{
    // A JSON string holds no raw line break, so an opening bracket followed by a line break and only spaces up to
    // its closing bracket is an empty container.
    static const QRegularExpression emptyArray(QStringLiteral("\\[\\n *\\]"));
    static const QRegularExpression emptyObject(QStringLiteral("\\{\\n *\\}"));
    QString text = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    text.replace(emptyArray, QStringLiteral("[]"));
    text.replace(emptyObject, QStringLiteral("{}"));
    return text;
}

} // namespace cli
