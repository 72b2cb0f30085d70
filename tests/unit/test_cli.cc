#include "common/cli.h"

#include <doctest/doctest.h>

#include <vector>

using namespace morgue;
namespace po = boost::program_options;

namespace {
Status parse(std::vector<const char*> args, unsigned* n, int* i)
{
    po::options_description desc;
    desc.add_options()("n", po::value(n))("i", po::value(i));
    args.insert(args.begin(), "prog");
    po::variables_map vm;
    return parse_command_line(static_cast<int>(args.size()), const_cast<char**>(args.data()), desc, nullptr, &vm);
}
} // namespace

TEST_CASE("cli: a negative number for an unsigned option is a usage error")
{
    unsigned n = 7;
    int i = 0;
    Status s = parse({"--n", "-1"}, &n, &i);
    CHECK(s.code() == Status::Code::usage);
    CHECK(s.message() == "--n must not be negative (got -1)");
    CHECK(parse({"--n= -3"}, &n, &i).code() == Status::Code::usage);
    CHECK(parse({"--n", "5", "--i", "-5"}, &n, &i).ok());
    CHECK(n == 5);
    CHECK(i == -5);
    CHECK(parse({"--n", "x"}, &n, &i).code() == Status::Code::usage);
    CHECK(parse({"--unknown"}, &n, &i).code() == Status::Code::usage);
}
