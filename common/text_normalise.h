// Unicode normalisation of the text morgue indexes and searches, through
// ICU: NFC for the text kept and shown, and a search key per word that
// ignores accents and the spelling variants of Arabic, so that "Lipavsky"
// finds "Lipavský" and "النفط" finds "ٱلنفط".
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// `text` in NFC (composed) form: a "café" typed as e + U+0301 is stored and
// shown like one typed with é. Text that is already NFC comes back as is.
std::string to_nfc(std::string_view text);

// The search key of one lower-case word: compatibility forms decomposed
// (NFKD: ligatures, full-width letters, Arabic presentation forms), the
// accents of Latin, Greek, Cyrillic and Arabic letters dropped (Arabic
// tashkeel, and the hamza and madda that make alef forms; Cyrillic й keeps
// its breve, as it is a letter of its own), tatweel dropped, alef wasla read
// as alef, ta marbuta as ha and alef maqsura as ya (as Arabic retrieval
// usually does), and the result composed again (NFC). Marks on letters of
// other scripts (Devanagari vowel signs, say) are part of the word and kept.
// An ASCII word comes back unchanged.
std::string fold_word(std::string_view word);

} // namespace morgue
