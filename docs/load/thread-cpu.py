#!/usr/bin/env python3
"""CPU used by each kind of thread of a process, between moments, read from /proc (Linux).

  thread-cpu.py record PID FILE           # one line of cumulative CPU ticks per thread, every second, until PID exits
  thread-cpu.py report FILE NAME:FROM:TO  # cores used by thread kind in each window (epoch seconds), e.g. normal:...:...

Thread names are grouped by dropping trailing numbers, so Tomcat's http-nio-18080-exec-12 counts with the rest.
"""
import json
import os
import re
import sys
import time
from collections import Counter


def record(pid, path):
    ticks_per_second = os.sysconf('SC_CLK_TCK')
    with open(path, 'w') as out:
        while os.path.exists(f'/proc/{pid}'):
            threads = {}
            for tid in os.listdir(f'/proc/{pid}/task'):
                try:
                    stat = open(f'/proc/{pid}/task/{tid}/stat').read()
                except OSError:
                    continue  # the thread ended while we looked
                name = stat[stat.index('(') + 1:stat.rindex(')')]
                fields = stat[stat.rindex(')') + 2:].split()
                threads[tid] = [name, (int(fields[11]) + int(fields[12])) / ticks_per_second]  # utime + stime
            out.write(json.dumps([time.time(), threads]) + '\n')
            out.flush()
            time.sleep(1)


def kind(name):
    name = re.sub(r'[#\d-]+$', '', name)
    return 'http-nio (request threads)' if name.startswith('http-nio') else name


def report(path, windows):
    samples = [json.loads(line) for line in open(path)]
    nearest = lambda moment: min(samples, key=lambda sample: abs(sample[0] - moment))
    for window in windows:
        label, start, end = window.split(':')
        first, last = nearest(float(start)), nearest(float(end))
        seconds = last[0] - first[0]
        used = Counter()
        for tid, (name, cpu) in last[1].items():
            used[kind(name)] += cpu - first[1].get(tid, [name, 0])[1]
        print(f'{label} ({seconds:.0f} s): {sum(used.values()) / seconds:.2f} cores in all')
        for name, cpu in used.most_common(8):
            print(f'  {cpu / seconds:6.3f}  {name}')


if __name__ == '__main__':
    if len(sys.argv) >= 4 and sys.argv[1] == 'record':
        record(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'report':
        report(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
