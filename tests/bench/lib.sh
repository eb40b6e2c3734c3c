# lib.sh: how every benchmark script starts, sourced after `set -eu`:
# fig is FIGTRACK ($1, default ./figtrack) made absolute, top the tree,
# work a directory removed on exit, FIGTRACK_RULES the shipped rules
# unless set. samples_text FILE writes the bundled samples' bodies (the
# text read when ../shared is absent).
fig=${1:-./figtrack}
case $fig in /*) ;; *) fig=$(pwd)/$fig ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FIGTRACK_RULES="${FIGTRACK_RULES:-$top/data/rules}"

samples_text() {
	for f in "$top"/data/samples/*.md; do sed '1,/^---$/d' "$f"; done > "$1"
}
