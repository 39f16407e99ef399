#!/usr/bin/env bash
# Times medlint on generated corpora of 1,000 and 10,000 articles, and on
# the real pages in ../shared/corpus when present, against a
# pulldown-cmark-only baseline (`examples/parse_floor.rs`: the same walk,
# reads and threads) and, when installed, rumdl and markdownlint-cli2. Prints the
# ratios. Needs python3; uses hyperfine when present, else repeated runs
# timed with bash's `time`.
#
#   bench/run.sh            # 1k and 10k
#   bench/run.sh 1000       # one size
set -euo pipefail
cd "$(dirname "$0")/.."
generator="${MEDLINT_BENCH_GENERATOR:-../shared/bench/gen_corpus.py}"
sizes=("${@:-1000 10000}")
read -r -a sizes <<< "${sizes[*]}"
cargo build --release --quiet --bin medlint --example parse_floor
bin="$PWD/target/release/medlint"
floor_bin="$PWD/target/release/examples/parse_floor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ratio() { python3 -c "print(round($1 / $2, 1))"; }

# Median wall time of a command, in seconds: over at least 5 runs, and
# with hyperfine over at least 3 seconds of them, so that the short runs
# (the parse floor takes about 15 ms) are sampled often enough to be
# stable.
median() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 --min-runs 5 --ignore-failure --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json;print(round(json.load(open('$work/h.json'))['results'][0]['median'],4))"
    return
  fi
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    bash -c "$1" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(python3 -c "print($end - $start)")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | xargs -I{} python3 -c "print(round({}, 4))"
}

# One corpus: the parse floor, medlint, and the other linters when present.
bench() {
  local corpus="$1" label="$2"
  echo "== $label ($(du -sh "$corpus" | cut -f1)), $(nproc) cores"
  floor=$(median "$floor_bin '$corpus'")
  lint=$(median "$bin check '$corpus' --no-config --today 2026-11-24 --quiet --format concise")
  # medlint exits 1 when it finds problems; only the figure matters here.
  peak=$( { /usr/bin/time -f '%M' "$bin" check "$corpus" --no-config --today 2026-11-24 --quiet --format concise >/dev/null || true; } 2>&1 | tail -1)
  printf '%-28s %8ss\n' "parse floor (parse_floor)" "$floor"
  printf '%-28s %8ss  %5sx the floor, peak %s KB\n' "medlint (every rule)" "$lint" "$(ratio "$lint" "$floor")" "$peak"
  if [ -n "$rumdl" ]; then
    # rumdl caches results between runs by default; time real work.
    rumdl_time=$(median "'$rumdl' check --no-cache '$corpus'")
    printf '%-28s %8ss  medlint is %sx faster\n' "rumdl (--no-cache)" "$rumdl_time" "$(ratio "$rumdl_time" "$lint")"
  fi
  if command -v markdownlint-cli2 >/dev/null 2>&1; then
    mdl=$(median "markdownlint-cli2 '$corpus/**/*.md'")
    printf '%-28s %8ss  medlint is %sx faster\n' "markdownlint-cli2" "$mdl" "$(ratio "$mdl" "$lint")"
  fi
}

# rumdl's own binary: a pyenv shim in front of it is a shell script that
# adds tens of milliseconds to every run.
rumdl="${MEDLINT_BENCH_RUMDL:-}"
if [ -z "$rumdl" ] && command -v rumdl >/dev/null 2>&1; then
  rumdl="$(command -v pyenv >/dev/null 2>&1 && pyenv which rumdl 2>/dev/null || command -v rumdl)"
fi
startup=$(median "$bin check '$work' --no-config --quiet")
echo "start-up (no files): ${startup}s"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  python3 "$generator" "$corpus" "$n" >/dev/null
  bench "$corpus" "$n generated articles"
done
# Real pages: curly quotes, dashes and accents exercise other paths than
# the generated ASCII articles.
real="${MEDLINT_BENCH_REAL_CORPUS:-../shared/corpus}"
if [ -d "$real" ]; then
  bench "$real" "$(find "$real" -name '*.md' | wc -l) real public health pages"
fi
