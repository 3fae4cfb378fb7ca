#pragma once

#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

namespace cli {

// Display columns of a string as a terminal shows it (East Asian wide characters take two, marks none).
int displayWidth(QStringView text);

// Docker's formatter.Ellipsis: cuts to `maxWidth` display columns, the last one being "…".
QString ellipsis(const QString &text, int maxWidth);

// Docker's sortorder.NaturalLess: "plugin2" < "plugin10".
bool naturalLess(const QString &a, const QString &b);

// Lays out rows the way Go's text/tabwriter does for Docker's tables (minwidth 10, padding 3, spaces):
// every column but the last is padded to its widest cell plus three spaces, and at least 10 wide.
QString tabulate(const QList<QStringList> &rows);

// JSON indented as Go's json.Indent prints it (the docker CLI's inspect): four spaces, and an empty array or object as
// "[]" / "{}" on one line (QJsonDocument::Indented opens them over two lines).
QString indentedJson(const QJsonDocument &document);

} // namespace cli
