#include "common/folding_stem.h"

#include "common/text_normalise.h"

namespace morgue {

namespace {

class FoldingStem : public Xapian::StemImplementation {
public:
    explicit FoldingStem(const std::string& name) : name_(name)
    {
        if (!name.empty()) stem_ = Xapian::Stem(name);
    }
    std::string operator()(const std::string& word) override
    {
        std::string key = fold_word(word);
        return name_.empty() ? key : stem_(key);
    }
    std::string get_description() const override { return "folding+" + (name_.empty() ? std::string("none") : name_); }

private:
    std::string name_;
    Xapian::Stem stem_;
};

} // namespace

Xapian::Stem folding_stemmer(const std::string& stemmer_name)
{
    return Xapian::Stem(new FoldingStem(stemmer_name));
}

} // namespace morgue
