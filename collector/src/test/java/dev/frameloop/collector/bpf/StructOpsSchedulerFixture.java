package dev.frameloop.collector.bpf;

/** gamer.bpf.o prepared as frameloop sched prepares it (the sched package's Gamer does the same). */
final class StructOpsSchedulerFixture {
    private StructOpsSchedulerFixture() {
    }

    static StructOpsScheduler gamer() {
        BpfObject object = BpfObject.openResource("gamer");
        try {
            return StructOpsScheduler.prepare(object, "gamer_ops", "gamer_exit");
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }
}
