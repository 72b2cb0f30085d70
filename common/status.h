// A small result type in the manner of leveldb's Status: errors are values
// that carry a message meant for the person at the terminal.
#pragma once

#include <string>
#include <utility>

namespace morgue {

class [[nodiscard]] Status {
public:
    enum class Code {
        ok,
        not_found,       // a file, database or document that is not there
        invalid_input,   // input we cannot read: bad JSON, binary file, ...
        io_error,        // the operating system or Xapian failed us
        usage,           // the caller asked for something that makes no sense
        schema_mismatch, // a database written by another schema version
        locked,          // another writer holds the database
        interrupted,     // the user asked us to stop
        unavailable,     // a remote shard did not answer (in time)
    };

    Status() = default;
    static Status Ok() { return Status(); }
    static Status NotFound(std::string msg) { return {Code::not_found, std::move(msg)}; }
    static Status InvalidInput(std::string msg) { return {Code::invalid_input, std::move(msg)}; }
    static Status IOError(std::string msg) { return {Code::io_error, std::move(msg)}; }
    static Status Usage(std::string msg) { return {Code::usage, std::move(msg)}; }
    static Status SchemaMismatch(std::string msg) { return {Code::schema_mismatch, std::move(msg)}; }
    static Status Locked(std::string msg) { return {Code::locked, std::move(msg)}; }
    static Status Interrupted(std::string msg) { return {Code::interrupted, std::move(msg)}; }
    static Status Unavailable(std::string msg) { return {Code::unavailable, std::move(msg)}; }

    bool ok() const { return code_ == Code::ok; }
    Code code() const { return code_; }
    const std::string& message() const { return message_; }

    // Exit status convention shared by every morgue binary:
    // 0 success, 1 runtime failure, 2 usage error or bad query.
    int exit_code() const {
        if (ok()) return 0;
        return code_ == Code::usage ? 2 : 1;
    }

private:
    Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
    Code code_ = Code::ok;
    std::string message_;
};

} // namespace morgue
