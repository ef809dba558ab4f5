#!/usr/bin/env python3
"""Draws the hand-judged sample of `glossary extract` output: 50 pairs at random with a given seed, one a line
(number, source, target, kind, count, two example units). Usage: scripts/sample-extract.py extract.json SEED"""
import json, random, sys
pairs = json.load(open(sys.argv[1]))["pairs"]
random.seed(int(sys.argv[2]))
for i, p in enumerate(random.sample(pairs, 50), 1):
    print(f"{i}\t{p['source']}\t{p['target']}\t{p['kind']}\t{p['count']}\t{','.join(p['examples'][:2])}")
