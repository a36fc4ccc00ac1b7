package io.boxoffice.loadtest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the application's process used ({@code -DappPid}, which run.sh passes), from {@code /proc/<pid>/stat}: user
 * plus system time of all its threads, so that a run can say how many milliseconds of the cores one hold cost.
 */
final class ProcessCpu {

    /** Linux's clock ticks a second as /proc reports them (USER_HZ, 100 on every common kernel). */
    private static final double TICKS_PER_SECOND = 100;
    private static final String PID = System.getProperty("appPid");

    private ProcessCpu() {
    }

    /** Milliseconds of CPU the application has used so far, or -1 when unknown (no pid, no /proc). */
    private static long applicationNow() {
        if (PID == null || PID.isBlank()) {
            return -1;
        }
        try {
            String[] fields = stat(PID);
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return Math.round(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /**
     * Milliseconds of CPU a PostgreSQL cluster has used so far, found by its data directory: its postmaster (the
     * first line of {@code postmaster.pid}) and the postmaster's children alive now (backends, background workers),
     * plus the children it has reaped (cutime, cstime: backends that ended); -1 when unknown.
     */
    static long clusterMillis(Path dataDirectory) {
        try {
            String postmaster = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
            String[] own = stat(postmaster);
            long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
                    + Long.parseLong(own[14]);
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    try {
                        String[] fields = stat(process.getFileName().toString());
                        if (fields[1].equals(postmaster)) { // ppid
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException ended) {
                        // a backend that ended meanwhile: its time is in the postmaster's cutime and cstime
                    }
                }
            }
            return Math.round(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (in parentheses, may hold spaces): state first. */
    private static String[] stat(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * Milliseconds of CPU the whole machine has been busy so far (all cores: the application, PostgreSQL, Redis and
     * the load generator), from {@code /proc/stat}, or -1 when unknown: what the box as a whole spends per hold.
     */
    private static long machineNow() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[]{1, 2, 3, 6, 7, 8}) { // user, nice, system, irq, softirq, steal
                busy += Long.parseLong(cpu[field]);
            }
            return Math.round(busy * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** Both counters at one moment, to tell what a window of the run cost per hold. */
    record Reading(long applicationMillis, long machineMillis) {

        static Reading now() {
            return new Reading(applicationNow(), machineNow());
        }

        /** The application's milliseconds of CPU per item from this reading to {@code end}, or null if unknown. */
        Double applicationPer(Reading end, long items) {
            return per(applicationMillis, end.applicationMillis, items);
        }

        /** The whole machine's milliseconds of CPU per item from this reading to {@code end}, or null if unknown. */
        Double machinePer(Reading end, long items) {
            return per(machineMillis, end.machineMillis, items);
        }

        private static Double per(long fromMillis, long toMillis, long items) {
            if (fromMillis < 0 || toMillis < 0 || items <= 0) {
                return null;
            }
            return Math.round(100.0 * (toMillis - fromMillis) / items) / 100.0;
        }
    }
}
