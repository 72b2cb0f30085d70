#!/usr/bin/env bash
# Small inputs that expand hugely keep the indexer's memory bounded: a zstd
# frame asking for a 2 GB window is refused with a clear message before any
# of it is decoded (the decoder would hold up to the window size), and a
# zstd or gzip bomb within the allowed window costs at most that window
# plus the record size limit. Peak memory is read with /usr/bin/time.
source "$(dirname "$0")/lib.sh"
[ -x /usr/bin/time ] || { echo "SKIP: /usr/bin/time not installed (scripts/install-deps installs it)"; exit 77; }

# bomb.zst WINDOW_LOG MB: a zstd frame of RLE blocks, MB megabytes of 'x'
# (one line, longer than any record limit) in a few kB of input.
zstd_bomb() {
    python3 - "$1" "$2" "$3" <<'PY'
import struct, sys
path, window_log, mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
block = 128 * 1024
n = mb * 1024 * 1024 // block
out = bytearray(b"\x28\xb5\x2f\xfd")          # magic
out += bytes([0x00, (window_log - 10) << 3])  # no content size, not single segment; window
for i in range(n):
    last = 1 if i == n - 1 else 0
    out += struct.pack("<I", (block << 3) | (1 << 1) | last)[:3] + b"x"   # an RLE block
open(path, "wb").write(out)
PY
}
peak_kb() { # runs the indexer on $1 into a fresh database; peak RSS in KB in $PEAK
    rm -rf "$TMP/memdb"
    set +e
    /usr/bin/time -f %M -o "$TMP/peak" "$MORGUE_INDEX" --db "$TMP/memdb" --max-article-size 1 "$1" >"$TMP/.out" 2>"$TMP/.err"
    RC=$?
    set -e
    ERR=$(cat "$TMP/.err")
    PEAK=$(tail -1 "$TMP/peak")
}

# What an ordinary small input costs (sanitizer builds cost more throughout).
peak_kb "$CORPUS/reuters.jsonl"
expect_rc 0 "the baseline"
base=$PEAK

zstd_bomb "$TMP/wide.jsonl.zst" 31 300
[ "$(stat -c %s "$TMP/wide.jsonl.zst")" -lt 20000 ] || fail "the bomb is not small"
peak_kb "$TMP/wide.jsonl.zst"
[ $((PEAK - base)) -lt 50000 ] || fail "a 2 GB-window frame took $PEAK KB (an ordinary input: $base KB)"
expect_rc 1 "a frame with a 2 GB window"
expect_contains "$ERR" "wide.jsonl.zst:1: error: zstd frame needs a window over 128 MB"
expect_contains "$ERR" "recompress it with --long=27 or less"

# Within the window limit: decoded, the one huge line refused, memory bounded
# by the 128 MB window and the 1 MB record limit, not by the 300 MB output.
zstd_bomb "$TMP/bomb.jsonl.zst" 27 300
peak_kb "$TMP/bomb.jsonl.zst"
expect_rc 1 "a 300 MB line in a 128 MB-window frame"
expect_contains "$ERR" "bomb.jsonl.zst:1: error: record longer than the limit"
[ $((PEAK - base)) -lt 170000 ] || fail "a zstd bomb of 300 MB took $PEAK KB (an ordinary input: $base KB)"

python3 -c "import gzip,sys; f=gzip.open(sys.argv[1],'wb',9); [f.write(b'x'*(1<<20)) for _ in range(300)]; f.close()" "$TMP/bomb.jsonl.gz"
peak_kb "$TMP/bomb.jsonl.gz"
expect_rc 1 "a 300 MB line gzipped"
expect_contains "$ERR" "bomb.jsonl.gz:1: error: record longer than the limit"
[ $((PEAK - base)) -lt 50000 ] || fail "a gzip bomb of 300 MB took $PEAK KB (an ordinary input: $base KB)"

# The corpora's own frames (made with --long=27) still read.
zstd -q --long=27 -c "$CORPUS/reuters.jsonl" > "$TMP/long27.jsonl.zst"
peak_kb "$TMP/long27.jsonl.zst"
expect_rc 0 "a --long=27 archive"
expect_contains "$ERR" "300 added"
