#include "indexer/byte_stream.h"

#include "indexer/interrupt.h"

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace morgue {
namespace {

class FdStream : public ByteStream {
public:
    FdStream(int fd, bool owned, std::shared_ptr<uint64_t> counter)
        : fd_(fd), owned_(owned), counter_(std::move(counter)) {}
    ~FdStream() override
    {
        if (owned_) ::close(fd_);
    }
    Status read(char* buf, size_t cap, size_t* got) override
    {
        for (;;) {
            ssize_t n = ::read(fd_, buf, cap);
            if (n >= 0) {
                *got = static_cast<size_t>(n);
                *counter_ += *got;
                return Status::Ok();
            }
            if (errno == EINTR && stop_requested()) return Status::Interrupted("interrupted");
            if (errno != EINTR) return Status::IOError(std::string("read failed: ") + std::strerror(errno));
        }
    }
    int fd_;
    bool owned_;
    std::shared_ptr<uint64_t> counter_;
};

// Replays a prefix that was read to sniff the format, then the rest.
class PrefixedStream : public ByteStream {
public:
    PrefixedStream(std::string prefix, std::unique_ptr<ByteStream> rest)
        : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
    Status read(char* buf, size_t cap, size_t* got) override
    {
        if (pos_ < prefix_.size()) {
            size_t n = std::min(cap, prefix_.size() - pos_);
            std::memcpy(buf, prefix_.data() + pos_, n);
            pos_ += n;
            *got = n;
            return Status::Ok();
        }
        return rest_->read(buf, cap, got);
    }

private:
    std::string prefix_;
    size_t pos_ = 0;
    std::unique_ptr<ByteStream> rest_;
};

constexpr size_t kChunk = 1 << 17;
constexpr int kMaxWindowLog = 27; // 128 MB

class ZstdStream : public ByteStream {
public:
    explicit ZstdStream(std::unique_ptr<ByteStream> in) : in_(std::move(in)), buf_(kChunk)
    {
        dctx_ = ZSTD_createDCtx();
        // The decoder holds a window of the size the frame asks for: a few
        // kB of crafted input could make it take 2 GB. Frames made with
        // --long=27 (as the shared corpora are) or less are allowed, as the
        // zstd tool allows by default.
        ZSTD_DCtx_setParameter(dctx_, ZSTD_d_windowLogMax, kMaxWindowLog);
    }
    ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }
    Status read(char* buf, size_t cap, size_t* got) override
    {
        ZSTD_outBuffer out{buf, cap, 0};
        while (out.pos == 0) {
            if (input_.pos == input_.size && !eof_) {
                size_t n = 0;
                Status s = in_->read(buf_.data(), buf_.size(), &n);
                if (!s.ok()) return s;
                if (n == 0) eof_ = true;
                input_ = {buf_.data(), n, 0};
            }
            if (input_.pos == input_.size && eof_) {
                if (frame_open_)
                    return Status::InvalidInput("truncated zstd data (the file ends inside a frame)");
                break;
            }
            size_t r = ZSTD_decompressStream(dctx_, &out, &input_);
            if (ZSTD_isError(r) && ZSTD_getErrorCode(r) == ZSTD_error_frameParameter_windowTooLarge)
                return Status::InvalidInput("zstd frame needs a window over " + std::to_string((1u << kMaxWindowLog) >> 20) +
                                            " MB (made with --long over " + std::to_string(kMaxWindowLog) +
                                            "?); not read: recompress it with --long=" + std::to_string(kMaxWindowLog) +
                                            " or less");
            if (ZSTD_isError(r))
                return Status::InvalidInput(std::string("corrupt zstd data: ") + ZSTD_getErrorName(r));
            frame_open_ = r != 0;
        }
        *got = out.pos;
        return Status::Ok();
    }

private:
    std::unique_ptr<ByteStream> in_;
    std::vector<char> buf_;
    ZSTD_DCtx* dctx_;
    ZSTD_inBuffer input_{nullptr, 0, 0};
    bool eof_ = false;
    bool frame_open_ = false;
};

class GzipStream : public ByteStream {
public:
    explicit GzipStream(std::unique_ptr<ByteStream> in) : in_(std::move(in)), buf_(kChunk)
    {
        std::memset(&z_, 0, sizeof z_);
        ok_ = inflateInit2(&z_, 15 + 16) == Z_OK; // 16: expect a gzip header
    }
    ~GzipStream() override { inflateEnd(&z_); }
    Status read(char* buf, size_t cap, size_t* got) override
    {
        if (!ok_) return Status::IOError("cannot initialise zlib");
        z_.next_out = reinterpret_cast<Bytef*>(buf);
        z_.avail_out = static_cast<uInt>(cap);
        while (z_.avail_out == cap) {
            if (z_.avail_in == 0 && !eof_) {
                size_t n = 0;
                Status s = in_->read(buf_.data(), buf_.size(), &n);
                if (!s.ok()) return s;
                if (n == 0) eof_ = true;
                z_.next_in = reinterpret_cast<Bytef*>(buf_.data());
                z_.avail_in = static_cast<uInt>(n);
            }
            if (z_.avail_in == 0 && eof_) {
                if (member_open_) return Status::InvalidInput("truncated gzip data");
                break;
            }
            int r = inflate(&z_, Z_NO_FLUSH);
            if (r == Z_STREAM_END) {
                member_open_ = false;
                inflateReset(&z_); // concatenated gzip members are one stream
            } else if (r == Z_OK || r == Z_BUF_ERROR) {
                member_open_ = true;
            } else {
                return Status::InvalidInput(std::string("corrupt gzip data: ") +
                                            (z_.msg ? z_.msg : "inflate failed"));
            }
        }
        *got = cap - z_.avail_out;
        return Status::Ok();
    }

private:
    std::unique_ptr<ByteStream> in_;
    std::vector<char> buf_;
    z_stream z_;
    bool ok_ = false;
    bool eof_ = false;
    bool member_open_ = false;
};

} // namespace

Status open_input(const std::string& path, OpenedInput* out)
{
    auto counter = std::make_shared<uint64_t>(0);
    int fd = 0;
    bool owned = false;
    if (path != "-") {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return Status::NotFound(path + ": cannot open: " + std::strerror(errno));
        owned = true;
    }
    auto raw = std::make_unique<FdStream>(fd, owned, counter);
    std::string magic(4, '\0');
    size_t have = 0;
    while (have < magic.size()) {
        size_t n = 0;
        Status s = raw->read(magic.data() + have, magic.size() - have, &n);
        if (!s.ok()) return Status::IOError(path + ": " + s.message());
        if (n == 0) break;
        have += n;
    }
    magic.resize(have);
    std::unique_ptr<ByteStream> stream = std::make_unique<PrefixedStream>(magic, std::move(raw));
    out->compression.clear();
    if (magic.size() == 4 && magic == std::string("\x28\xb5\x2f\xfd", 4)) {
        stream = std::make_unique<ZstdStream>(std::move(stream));
        out->compression = "zstd";
    } else if (magic.size() >= 2 && magic[0] == '\x1f' && magic[1] == '\x8b') {
        stream = std::make_unique<GzipStream>(std::move(stream));
        out->compression = "gzip";
    }
    out->stream = std::move(stream);
    out->raw_bytes_read = counter;
    return Status::Ok();
}

} // namespace morgue
