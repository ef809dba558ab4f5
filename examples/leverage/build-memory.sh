#!/bin/sh
# Builds the example memory from the shipped TMX (uk→en) into leverage.tmdb (or the path given).
set -eu
here=$(dirname "$0")
store=${1:-leverage.tmdb}
tlumach tm import "$here/../memory/newsroom.tmx" --tm "$store" --source-lang uk --target-lang en
