// Reading input bytes, with zstd and gzip decompression chosen by the data's
// own magic number (not the file name, which may lie or be stdin).
#pragma once

#include "common/status.h"

#include <cstdint>
#include <memory>
#include <string>

namespace morgue {

class ByteStream {
public:
    virtual ~ByteStream() = default;
    // Reads up to `cap` bytes; *got == 0 means end of stream. A stream that
    // ends early (a truncated .zst or .gz) returns an error here.
    virtual Status read(char* buf, size_t cap, size_t* got) = 0;
};

struct OpenedInput {
    std::unique_ptr<ByteStream> stream;
    std::string compression; // "", "zstd" or "gzip"
    // Compressed bytes consumed so far, for progress (shared with the reader).
    std::shared_ptr<uint64_t> raw_bytes_read;
};

// Opens `path` ("-" is stdin) and wraps it in a decompressor when it starts
// with a zstd or gzip magic number.
Status open_input(const std::string& path, OpenedInput* out);

} // namespace morgue
