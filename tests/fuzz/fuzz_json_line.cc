// libFuzzer: one JSON Lines record through the indexer's record preparer
// (UTF-8 repair, JSON parse, field mapping, document building). Any
// exception escaping it would abort a whole indexing run.
#include "indexer/document_builder.h"
#include "indexer/record_preparer.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static morgue::DocumentBuilder builder;
    std::string text(reinterpret_cast<const char*>(data), size);
    morgue::PrepareOptions options;
    options.clean = true;
    morgue::prepare_json_record("fuzz.jsonl", 1, text, "", options, builder);
    return 0;
}
