#!/usr/bin/env bash
# The main job on the embedded broker: sets up, then runs the sample corpus (or the given
# paths) through claimwatch and prints the alerts. Extra arguments go to `claimwatch run`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/claimwatch run --until-idle 10 "$@"
