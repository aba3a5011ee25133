#!/usr/bin/env python3
"""Derives capsim's built-in VM catalog from the team's shared data folder.

Run by hand when the shared data changes; the build never runs it, and nothing in the project reads
the shared folder at build, test or run time. Usage:

    python3 tools/derive-catalog.py ../shared/data sim-engine/src/main/resources/io/capsim/catalog

Writes:
  vm-sizes.csv     one row per size: series, vCPUs, memory, GPUs, GPU model, ACU per vCPU and its basis
  vm-prices.csv.gz one row per (size, region): Linux pay-as-you-go and Spot USD per hour
"""
import csv
import gzip
import io
import re
import sys
from collections import defaultdict

SIZE = re.compile(r'^Standard_([A-Z]+)(\d+)(?:-\d+)?([a-z]*)((?:_[A-Za-z0-9]+)*)$')

# Which GPU model a size carries, by series, where vms.csv's AcceleratorName is ambiguous about the
# form factor (azure-gpu-series.csv): NC A100 v4 is PCIe, NDm A100 v4 is SXM4, NC H100 v5 is NVL.
def gpu_model(accelerator, series):
    if not accelerator:
        return ''
    if accelerator == 'A100-80GB':
        return 'A100-80GB-SXM4' if series.startswith('ND') else 'A100-80GB-PCIe'
    if accelerator == 'H100':
        return 'H100-NVL' if series.startswith('NC') else 'H100-SXM5'
    return accelerator


def parse_size(name):
    m = SIZE.match(name)
    if not m:
        return None
    family, _, additives, rest = m.groups()
    parts = [p for p in rest.split('_') if p and p != 'Promo']
    version = next((p for p in parts if re.fullmatch(r'v\d+', p)), '')
    accel = [p for p in parts if p != version]
    series = family + additives + ''.join('_' + p for p in accel) + ('_' + version if version else '')
    return family, additives, version, series


def acu_table(path):
    table = {}
    for row in csv.DictReader(open(path, newline='')):
        name = row['series']
        m = re.search(r'\(([^)]+)\)', name)
        key = (m.group(1) if m else name.split(' ')[0]).replace('_', '')
        if row['acu_per_vcpu_min']:
            lo, hi = float(row['acu_per_vcpu_min']), float(row['acu_per_vcpu_max'])
            table[key] = ((lo + hi) / 2, f'{row["series"]}: {lo:g}-{hi:g}')
    return table


def acu_for(family, additives, version, table):
    key = family + additives + version
    if key in table:
        return table[key][0], 'published ' + table[key][1]
    # No ACU after the v4 generation: take the same family's newest published series, visibly.
    candidates = []
    for k, (acu, label) in table.items():
        m = re.fullmatch(r'([A-Z]+)([a-z]*?)v?(\d*)', k)
        if m and m.group(1) == family:
            same_additives, plain = m.group(2) == additives, m.group(2) == ''
            candidates.append((same_additives, plain, int(m.group(3) or 0), k, acu))
    if not candidates:
        return None, 'none published'
    *_, k, acu = max(candidates)
    return acu, f'assumed: none published for {key}; nearest series {k}'


def main(data, out):
    acus = acu_table(f'{data}/perf/acu.csv')
    sizes = {}
    prices = []
    with open(f'{data}/vms.csv', newline='') as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            # Generation sometimes holds an unquoted "V1,V2": read 9 fields by position.
            name, accel, count, vcpus, mem, _, price, spot, region = row[:9]
            parsed = parse_size(name)
            if parsed is None:
                print(f'skipping size with an unrecognised name: {name}', file=sys.stderr)
                continue
            family, additives, version, series = parsed
            if name not in sizes:
                acu, basis = acu_for(family, additives, version, acus)
                sizes[name] = [name, series, vcpus, mem, count or '0', gpu_model(accel, series),
                               '' if acu is None else f'{acu:g}', basis]
            prices.append([name, region, price, spot])
    with open(f'{out}/vm-sizes.csv', 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['size', 'series', 'vcpus', 'memory_gib', 'gpus', 'gpu_model', 'acu_per_vcpu',
                    'acu_basis'])
        w.writerows(sorted(sizes.values()))
    text = io.StringIO()
    w = csv.writer(text, lineterminator='\n')
    w.writerow(['size', 'region', 'price_usd_per_hour', 'spot_usd_per_hour'])
    w.writerows(sorted(prices))
    with gzip.GzipFile(f'{out}/vm-prices.csv.gz', 'wb', mtime=0) as gz:
        gz.write(text.getvalue().encode())
    print(f'{len(sizes)} sizes, {len(prices)} prices')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
