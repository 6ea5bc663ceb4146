# shellcheck shell=bash
# bench/RESULTS.md is written by several runs: the core-API benchmark (IpipTools.Bench, which
# rewrites the file but keeps every marked section), the cmdlet benchmark (cmdlets/run.sh) and
# the qemu guest's runs (kernel/run.sh). Each of the last two owns sections between markers,
#   <!-- NAME -->
#   ...
#   <!-- /NAME -->
# and replaces only those. Sourced.

# Replaces section NAME ($2) of results file $1 with the contents of file $3. A section not
# yet in the file goes after its title line when $4 is "first", else at the end.
splice_section() {
  local results=$1 name=$2 content=$3 where=${4:-last} tmp
  tmp=$(mktemp)
  if [[ -f $results ]] && grep -qxF "<!-- $name -->" "$results"; then
    awk -v begin="<!-- $name -->" -v end="<!-- /$name -->" -v content="$content" '
      $0 == begin { print; while ((getline line < content) > 0) print line; skip = 1; next }
      $0 == end { skip = 0 }
      !skip { print }' "$results" >"$tmp"
  elif [[ -f $results && $where == first ]]; then
    { head -n 1 "$results"; echo; marked_section "$name" "$content"; tail -n +2 "$results"; } >"$tmp"
  elif [[ -f $results ]]; then
    { cat "$results"; marked_section "$name" "$content"; } >"$tmp"
  else
    marked_section "$name" "$content" >"$tmp"
  fi
  mv "$tmp" "$results"
}

marked_section() {
  echo "<!-- $1 -->"
  cat "$2"
  echo "<!-- /$1 -->"
}
