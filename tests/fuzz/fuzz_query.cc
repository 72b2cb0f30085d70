// libFuzzer: the query language. Any text gives a query or a usage error,
// never a crash, an escaping exception or a query the matcher refuses; the
// query is run on a small in-memory database so that wildcards expand.
#include "query/query_builder.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

Xapian::Database& sample_database()
{
    static Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase w(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (const char* text : {"oil prices rise", "opec cuts oil output", "saudi minister says"}) {
            Xapian::Document d;
            Xapian::TermGenerator tg;
            tg.set_stemmer(Xapian::Stem("english"));
            tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
            tg.set_document(d);
            tg.index_text(text);
            w.add_document(d);
        }
        return w;
    }();
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4000) return 0; // the API takes 1000 bytes; a little more for the CLI
    std::string text(reinterpret_cast<const char*>(data), size);
    morgue::BuiltQuery q;
    if (!morgue::build_query(text, {}, &q).ok()) return 0;
    try {
        Xapian::Enquire enquire(sample_database());
        enquire.set_query(q.query);
        enquire.get_mset(0, 10);
    } catch (const Xapian::WildcardError&) {
        // The expansion limit doing its job.
    }
    return 0;
}
