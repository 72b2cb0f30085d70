#include "indexer/commit_policy.h"

#include <doctest/doctest.h>

using morgue::CommitPolicy;

TEST_CASE("a writer commits at its pending volume before --batch changes")
{
    CommitPolicy c(4000, 1000);
    CHECK_FALSE(c.pending());
    CHECK_FALSE(c.add(600));
    CHECK(c.pending());
    CHECK(c.add(400)); // 1000 postings pending, 2 of 4000 changes
    c.committed();
    CHECK_FALSE(c.pending());
    CHECK_FALSE(c.add(999)); // the count starts again after a commit
}

TEST_CASE("--batch bounds the changes between commits, however small")
{
    CommitPolicy c(3, 1000000);
    CHECK_FALSE(c.add(1));
    CHECK_FALSE(c.add(0)); // a retagged line: a change without postings
    CHECK(c.add(1));
    c.committed();
    c.add_changes(2); // prune's deletions count towards the next batch
    CHECK(c.pending());
    CHECK(c.add(0));
}

TEST_CASE("zero limits mean a commit after every change")
{
    CommitPolicy c(0, 0);
    CHECK(c.add(0));
}
