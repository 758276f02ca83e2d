#include "lessons/htmlentities.h"

#include <cstring>

namespace dblearn {

namespace {

struct NamedEntity {
    const char *name;
    char32_t codePoint;
};

// The ASCII punctuation names (which matter for URL checks) and the typographic and
// mathematical ones lessons use. Anything else stays literal text.
const NamedEntity kEntities[] = {
    {"AMP", U'&'}, {"GT", U'>'}, {"Hat", U'^'}, {"LT", U'<'}, {"NewLine", U'\n'}, {"QUOT", U'"'},
    {"Tab", U'\t'}, {"UnderBar", U'_'}, {"VerticalLine", U'|'}, {"amp", U'&'}, {"apos", U'\''},
    {"ast", U'*'}, {"bsol", U'\\'}, {"colon", U':'}, {"comma", U','}, {"commat", U'@'},
    {"dollar", U'$'}, {"equals", U'='}, {"excl", U'!'}, {"grave", U'`'}, {"gt", U'>'},
    {"lbrace", U'{'}, {"lbrack", U'['}, {"lcub", U'{'}, {"lowbar", U'_'}, {"lpar", U'('},
    {"lsqb", U'['}, {"lt", U'<'}, {"midast", U'*'}, {"num", U'#'}, {"percnt", U'%'},
    {"period", U'.'}, {"plus", U'+'}, {"quest", U'?'}, {"quot", U'"'}, {"rbrace", U'}'},
    {"rbrack", U']'}, {"rcub", U'}'}, {"rpar", U')'}, {"rsqb", U']'}, {"semi", U';'},
    {"sol", U'/'}, {"verbar", U'|'}, {"vert", U'|'},
    {"nbsp", 0xA0}, {"NonBreakingSpace", 0xA0}, {"shy", 0xAD}, {"ensp", 0x2002}, {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D},
    {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"laquo", 0xAB}, {"raquo", 0xBB}, {"bull", 0x2022}, {"middot", 0xB7}, {"sect", 0xA7},
    {"para", 0xB6}, {"deg", 0xB0}, {"micro", 0xB5}, {"euro", 0x20AC}, {"pound", 0xA3},
    {"yen", 0xA5}, {"cent", 0xA2}, {"sup2", 0xB2}, {"sup3", 0xB3}, {"frac12", 0xBD},
    {"frac14", 0xBC}, {"frac34", 0xBE}, {"times", 0xD7}, {"divide", 0xF7}, {"plusmn", 0xB1},
    {"minus", 0x2212}, {"le", 0x2264}, {"ge", 0x2265}, {"ne", 0x2260}, {"asymp", 0x2248},
    {"equiv", 0x2261}, {"infin", 0x221E}, {"sum", 0x2211}, {"prod", 0x220F}, {"radic", 0x221A},
    {"part", 0x2202}, {"isin", 0x2208}, {"notin", 0x2209}, {"cap", 0x2229}, {"cup", 0x222A},
    {"and", 0x2227}, {"or", 0x2228}, {"not", 0xAC}, {"forall", 0x2200}, {"exist", 0x2203},
    {"empty", 0x2205}, {"nabla", 0x2207}, {"sub", 0x2282}, {"sup", 0x2283}, {"sube", 0x2286},
    {"supe", 0x2287}, {"larr", 0x2190}, {"uarr", 0x2191}, {"rarr", 0x2192}, {"darr", 0x2193},
    {"harr", 0x2194}, {"lArr", 0x21D0}, {"rArr", 0x21D2}, {"hArr", 0x21D4}, {"check", 0x2713},
    {"cross", 0x2717}, {"alpha", 0x3B1}, {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4},
    {"epsilon", 0x3B5}, {"zeta", 0x3B6}, {"eta", 0x3B7}, {"theta", 0x3B8}, {"iota", 0x3B9},
    {"kappa", 0x3BA}, {"lambda", 0x3BB}, {"mu", 0x3BC}, {"nu", 0x3BD}, {"xi", 0x3BE},
    {"omicron", 0x3BF}, {"pi", 0x3C0}, {"rho", 0x3C1}, {"sigma", 0x3C3}, {"tau", 0x3C4},
    {"upsilon", 0x3C5}, {"phi", 0x3C6}, {"chi", 0x3C7}, {"psi", 0x3C8}, {"omega", 0x3C9},
    {"Gamma", 0x393}, {"Delta", 0x394}, {"Theta", 0x398}, {"Lambda", 0x39B}, {"Pi", 0x3A0},
    {"Sigma", 0x3A3}, {"Phi", 0x3A6}, {"Psi", 0x3A8}, {"Omega", 0x3A9},
};

void appendUtf8(char32_t cp, QByteArray *out)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out->append(char(cp));
    } else if (cp < 0x800) {
        out->append(char(0xC0 | (cp >> 6)));
        out->append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out->append(char(0xE0 | (cp >> 12)));
        out->append(char(0x80 | ((cp >> 6) & 0x3F)));
        out->append(char(0x80 | (cp & 0x3F)));
    } else {
        out->append(char(0xF0 | (cp >> 18)));
        out->append(char(0x80 | ((cp >> 12) & 0x3F)));
        out->append(char(0x80 | ((cp >> 6) & 0x3F)));
        out->append(char(0x80 | (cp & 0x3F)));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

bool HtmlEntities::decode(QByteArrayView entity, QByteArray *out)
{
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';')
        return false;
    const QByteArrayView body = entity.sliced(1, entity.size() - 2);
    if (body.front() == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const qsizetype digitsStart = hex ? 2 : 1;
        if (digitsStart >= body.size() || body.size() - digitsStart > 8)
            return false;
        char32_t cp = 0;
        for (qsizetype i = digitsStart; i < body.size(); ++i) {
            const int d = hex ? hexValue(body[i]) : (body[i] >= '0' && body[i] <= '9' ? body[i] - '0' : -1);
            if (d < 0)
                return false;
            cp = cp * (hex ? 16 : 10) + char32_t(d);
        }
        appendUtf8(cp, out);
        return true;
    }
    for (const NamedEntity &e : kEntities) {
        if (body.size() == qsizetype(std::strlen(e.name)) && std::memcmp(body.data(), e.name, size_t(body.size())) == 0) {
            appendUtf8(e.codePoint, out);
            return true;
        }
    }
    return false;
}

} // namespace dblearn
