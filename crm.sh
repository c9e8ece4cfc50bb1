#!/usr/bin/env bash
# CrmPlatform: installs what is missing, builds, and runs / tests / benchmarks the platform.
#   ./crm.sh run [--fresh] [...]        start the whole platform through the AppHost (run --help)
#   ./crm.sh test [filter]              run every test project (or those whose name contains filter)
#   ./crm.sh bench [name]               run bench/<name> (or every benchmark) and print its result lines
#   ./crm.sh interop-server --port N    serve the gRPC interop TestService, reflection and health
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
state_dir="$root/.crm"
apt_packages=(postgresql rabbitmq-server nghttp2-client chromium)
test_parallelism=2

say() { printf '[crm] %s\n' "$*"; }
fail() { printf '[crm] error: %s\n' "$*" >&2; exit 1; }

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    fail "the .NET SDK 10 is not installed: see https://learn.microsoft.com/dotnet/core/install/linux-debian"
}

ensure_apt_packages() {
  local missing=() package
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    fail "missing Debian packages; install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian packages start system-wide servers; the platform runs private ones on free ports instead.
  systemctl disable --now rabbitmq-server postgresql >/dev/null 2>&1 || true
}

ensure_npm_packages() {
  local lock dir
  while IFS= read -r lock; do
    dir="$(dirname "$lock")"
    if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
      say "npm ci in ${dir#"$root"/}"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    fi
  done < <(find "$root/src" "$root/tests" "$root/bench" -name package-lock.json -not -path '*/node_modules/*' 2>/dev/null | sort)
}

ensure_prerequisites() {
  ensure_dotnet
  ensure_apt_packages
  ensure_npm_packages
}

# The SPA the gateway serves: built by Vite into web/dist; skipped while dist is newer than its sources and the protos.
build_web_app() {
  local dir="$root/src/Gateway/web"
  local built="$dir/dist/index.html"
  if [ -f "$built" ] && [ -z "$(find "$dir/src" "$dir/index.html" "$dir/package-lock.json" "$dir/vite.config.ts" \
    "$dir/tsconfig.json" "$dir/buf.gen.yaml" "$root/src/BuildingBlocks/Contracts/Protos" \
    -newer "$built" -not -path "$dir/src/gen/*" -print -quit)" ]; then
    return
  fi
  say "building the web app (src/Gateway/web)"
  local log
  if ! log="$(cd "$dir" && npm run build --silent 2>&1)"; then
    printf '%s\n' "$log" >&2
    fail "the web app did not build (src/Gateway/web: npm run build)"
  fi
}

# Runs the web app's Vitest unit tests; prints "passed failed skipped" read from Vitest's JSON report.
run_web_tests() {
  local results="$1" report="$1/web/vitest.json"
  mkdir -p "$results/web"
  (cd "$root/src/Gateway/web" && npm test --silent -- --reporter=json --outputFile="$report" >"$results/web.log" 2>&1) || true
  [ -f "$report" ] || { echo "0 1 0"; return; }
  node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);' "$report"
}

build() {
  build_web_app
  say "building CrmPlatform.sln ($1)"
  dotnet build "$root/CrmPlatform.sln" -c "$1" -nologo -clp:ErrorsOnly -warnaserror
}

# Prints "passed failed skipped" read from a TRX file's counters.
trx_counts() {
  local counters
  counters="$(grep -o '<Counters [^>]*>' "$1" | head -n 1)"
  local passed failed error timeout skipped
  passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  error="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  timeout="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
  skipped="$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  echo "${passed:-0} $((${failed:-0} + ${error:-0} + ${timeout:-0})) ${skipped:-0}"
}

run_test_project() {
  local project="$1" results="$2" name
  name="$(basename "$project" .csproj)"
  dotnet test "$project" --no-build -nologo --results-directory "$results/$name" \
    --logger "trx;LogFileName=$name.trx" --blame-hang-timeout 10m >"$results/$name.log" 2>&1
}

# Prints each failed test's name and error message from a `dotnet test` log: a long message (a server's last
# output) keeps its first 5 and last 25 lines, where the reason usually is; stack traces are left out.
failure_messages() {
  awk '
    function flush(  i) {
      for (i = 1; i <= n; i++) {
        if (n <= 30 || i <= 5 || i > n - 25) print "      " message[i]
        else if (i == 6) print "      [" n - 30 " lines left out]"
      }
      n = 0
    }
    /^[[:space:]]+Failed / { print; next }
    /^[[:space:]]+Error Message:/ { reading = 1; next }
    reading && /^[[:space:]]+(Stack Trace|Standard Output Messages):/ { reading = 0; flush(); next }
    reading { message[++n] = $0 }
    END { flush() }
  ' "$1" | head -n 200
}

test_command() {
  local filter="${1:-}"
  ensure_prerequisites
  build Debug
  local results="$state_dir/test-results"
  rm -rf "$results" && mkdir -p "$results"
  local projects=()
  mapfile -t projects < <(find "$root/tests" -name '*.Tests.csproj' -not -path '*/node_modules/*' | sort | grep -- "$filter")
  [ ${#projects[@]} -gt 0 ] || fail "no test project matches '$filter'"
  say "running ${#projects[@]} test projects, $test_parallelism at a time"
  local project
  for project in "${projects[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$test_parallelism" ]; do wait -n || true; done
    run_test_project "$project" "$results" &
  done
  wait || true
  local passed=0 failed=0 skipped=0 name trx counts p f s
  for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    trx="$(find "$results/$name" -name '*.trx' 2>/dev/null | head -n 1)"
    if [ -z "$trx" ]; then
      say "$name: no test results (the test host failed); its log:"
      tail -n 40 "$results/$name.log"
      failed=$((failed + 1))
      continue
    fi
    read -r p f s <<<"$(trx_counts "$trx")"
    printf '[crm] %-28s %4s passed %4s failed %4s skipped\n' "$name" "$p" "$f" "$s"
    if [ "$f" -gt 0 ]; then
      failure_messages "$results/$name.log"
    fi
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done
  if [[ "Gateway" == *"$filter"* ]]; then
    read -r p f s <<<"$(run_web_tests "$results")"
    printf '[crm] %-28s %4s passed %4s failed %4s skipped\n' "web (vitest)" "$p" "$f" "$s"
    [ "$f" -eq 0 ] || grep -E 'FAIL|AssertionError|Error:' "$results/web.log" | head -n 40 || true
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  fi
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ] || exit 1
  [ "$passed" -gt 0 ] || fail "no test ran"
}

run_command() {
  ensure_prerequisites
  build Debug
  exec dotnet run --project "$root/src/AppHost" --no-build -- "$@"
}

bench_command() {
  local name="${1:-}" dirs=() dir project
  ensure_prerequisites
  if [ -n "$name" ]; then
    [ -d "$root/bench/$name" ] && [ "$name" != shared ] || fail "no benchmark bench/$name"
    dirs=("$root/bench/$name")
  else
    mapfile -t dirs < <(find "$root/bench" -mindepth 1 -maxdepth 1 -type d -not -name shared | sort)
  fi
  build Release
  for dir in "${dirs[@]}"; do
    project="$(find "$dir" -maxdepth 2 -name '*.csproj' -not -path '*/node_modules/*' | head -n 1)"
    [ -n "$project" ] || fail "bench/$(basename "$dir") has no project"
    say "bench $(basename "$dir")"
    dotnet run --project "$project" -c Release --no-build
  done
}

interop_server_command() {
  ensure_dotnet
  dotnet build "$root/tests/Grpc.Interop" -c Release -nologo -clp:ErrorsOnly
  exec dotnet run --project "$root/tests/Grpc.Interop" -c Release --no-build -- "$@"
}

case "${1:-}" in
  run) shift; run_command "$@" ;;
  test) shift; test_command "$@" ;;
  bench) shift; bench_command "$@" ;;
  interop-server) shift; interop_server_command "$@" ;;
  *) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
