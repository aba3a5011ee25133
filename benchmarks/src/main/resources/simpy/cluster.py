"""The autoscaling cluster of capsim's ClusterBenchmark in SimPy 2 (Debian's python3-simpy).

Poisson arrivals of one-node jobs with lognormal run times (median 3000 s, 95th percentile
9000 s), nodes provisioned on demand in U(180, 480) s up to a maximum, an idle node released
after 120 s, the newest idle node reused first. Each node is a SimPy process that holds for its
provisioning, then alternates between idling (a hold the dispatcher interrupts to hand it a job)
and running a job. Prints: jobs completed, wall seconds, mean wait in seconds.

usage: python3 cluster.py MAX_NODES JOBS_PER_HOUR HOURS SEED
"""
import math
import random
import sys
import time
from collections import deque

from SimPy.Simulation import (Process, activate, hold, initialize, now,
                              simulate)

Z95 = 1.6448536269514722
MU = math.log(3000.0)
SIGMA = (math.log(9000.0) - MU) / Z95
IDLE_TIMEOUT = 120.0


class Cluster:
    def __init__(self, max_nodes):
        self.max_nodes = max_nodes
        self.queue = deque()  # submission times of waiting jobs
        self.idle = []  # idle nodes, newest last
        self.alive = 0
        self.provisioning = 0
        self.completed = 0
        self.wait_total = 0.0
        self.started = 0

    def dispatch(self, caller):
        while self.queue and self.idle:
            node = self.idle.pop()
            node.job = self.queue.popleft()
            caller.interrupt(node)

    def scale_up(self):
        wanted = len(self.queue) - len(self.idle) - self.provisioning
        while wanted > 0 and self.alive < self.max_nodes:
            node = Node(self)
            self.alive += 1
            self.provisioning += 1
            activate(node, node.live())
            wanted -= 1


class Node(Process):
    def __init__(self, cluster):
        Process.__init__(self)
        self.cluster = cluster
        self.job = None

    def live(self):
        cluster = self.cluster
        yield hold, self, random.uniform(180.0, 480.0)
        cluster.provisioning -= 1
        while True:
            if self.job is None and cluster.queue:
                self.job = cluster.queue.popleft()
            if self.job is None:
                cluster.idle.append(self)
                yield hold, self, IDLE_TIMEOUT
                if not self.interrupted():
                    cluster.idle.remove(self)
                    break
            submitted = self.job
            cluster.started += 1
            cluster.wait_total += now() - submitted
            yield hold, self, random.lognormvariate(MU, SIGMA)
            cluster.completed += 1
            self.job = None
        cluster.alive -= 1
        cluster.scale_up()


class Arrivals(Process):
    def __init__(self, cluster, per_second):
        Process.__init__(self)
        self.cluster = cluster
        self.per_second = per_second

    def run(self):
        cluster = self.cluster
        while True:
            yield hold, self, random.expovariate(self.per_second)
            cluster.queue.append(now())
            cluster.dispatch(self)
            cluster.scale_up()


def main():
    max_nodes, per_hour, hours, seed = (int(sys.argv[1]), float(sys.argv[2]),
                                        float(sys.argv[3]), int(sys.argv[4]))
    random.seed(seed)
    start = time.perf_counter()
    initialize()
    cluster = Cluster(max_nodes)
    arrivals = Arrivals(cluster, per_hour / 3600.0)
    activate(arrivals, arrivals.run())
    simulate(until=hours * 3600.0)
    wall = time.perf_counter() - start
    wait = cluster.wait_total / cluster.started if cluster.started else 0.0
    print(cluster.completed, "%.6f" % wall, "%.3f" % wait)


if __name__ == "__main__":
    main()
