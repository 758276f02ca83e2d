#pragma once

#include <QByteArrayView>
#include <QString>

namespace dblearn {

// The allow-list for link and image targets in lessons (md4c passes any URL through).
// Links: relative paths, #anchors, http:, https:, mailto:. Images: relative paths only (files in
// the content folder). The URL must already have its character references decoded, so that
// "javascript&#58;" is seen as "javascript:".
class UrlFilter final
{
public:
    enum class Target { Link, Image };

    // An empty string when the URL is allowed, otherwise why it is not ("the scheme 'data:' is
    // not allowed").
    static QString refusal(QByteArrayView decodedUrl, Target target);
    // http:, https: or mailto: (links that leave the app).
    static bool isExternal(QByteArrayView decodedUrl);
};

} // namespace dblearn
