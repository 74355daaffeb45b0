#ifndef HIENDIEN_CZLIB_SHIM_H
#define HIENDIEN_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 and inflateInit2 are macros (they pass the version and struct size); Swift
/// cannot import them. Raw DEFLATE (no zlib header), as ZIP stores it: window bits -15.
static inline int hiendien_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

static inline int hiendien_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}
#endif
