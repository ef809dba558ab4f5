# Shared by the PostgreSQL benchmarks (source it). server_cpu: CPU seconds (user+sys, ended children included) of
# every process of the server's user so far; nothing when the server runs as ourselves (its processes cannot be told
# from the benchmark's then), so callers print it only when set.
server_cpu() {
  [[ -n "${PGUSER:-}" && "$PGUSER" != "$(id -un)" ]] || return 0
  python3 - "$(id -u "$PGUSER")" <<'PY'
import os, sys
uid, ticks = int(sys.argv[1]), 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        if os.stat(f"/proc/{pid}").st_uid != uid:
            continue
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    except OSError:
        pass
print(f"{ticks / os.sysconf('SC_CLK_TCK'):.2f}")
PY
}
