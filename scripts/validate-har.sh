#!/usr/bin/env bash
# Validates HAR files against the HAR 1.2 JSON schema with the npm package har-validator
# (ajv + har-schema, the validator HTTP tooling uses), installed into a cache directory.
#   scripts/validate-har.sh FILE.har...
# Exit 0: all valid; 1: a file is invalid (the errors are printed); 77: node/npm or the package
# are not available here (CTest reports a skip).
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: $0 FILE.har..." >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed" >&2; exit 77; }
cache=${CBI_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/callback-inspector/har-validator}
if [ ! -d "$cache/node_modules/har-validator" ]; then
    mkdir -p "$cache"
    (cd "$cache" && timeout 180 npm install --silent --no-audit --no-fund har-validator@5.1.5 >/dev/null 2>&1) \
        || { echo "cannot install har-validator from npm" >&2; exit 77; }
fi
status=0
for file in "$@"; do
    NODE_PATH="$cache/node_modules" node -e '
        const fs = require("fs");
        const har = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        require("har-validator").har(har)
            .then(() => console.log(`${process.argv[1]}: valid HAR 1.2 (${har.log.entries.length} entries)`))
            .catch(e => { console.error(`${process.argv[1]}: INVALID`); console.error(JSON.stringify(e.errors, null, 1)); process.exit(1); });
    ' "$file" || status=1
done
exit $status
