// dblearn-bench-measure: runs a command, and prints its wall time and peak memory as JSON.
//   dblearn-bench-measure -- program args...
// {"seconds": 1.234, "firstLineSeconds": 0.987, "peakRssKiB": 123456, "exitCode": 0, "stdout": "..."}
// seconds: from the fork to the end of the process; firstLineSeconds: from the fork to the end of
// the first line on its stdout (-1 if none), which programs that report readiness print when ready;
// stdout: that first line.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char *argv[])
{
    int first = 1;
    if (first < argc && std::strcmp(argv[first], "--") == 0)
        ++first;
    if (first >= argc) {
        std::fprintf(stderr, "usage: dblearn-bench-measure -- program [args...]\n");
        return 2;
    }
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        std::perror("pipe");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        return 2;
    }
    if (pid == 0) {
        dup2(pipeFds[1], STDOUT_FILENO);
        close(pipeFds[0]);
        close(pipeFds[1]);
        execvp(argv[first], argv + first);
        std::perror("exec");
        _exit(127);
    }
    close(pipeFds[1]);
    std::string output;
    char buffer[4096];
    ssize_t n;
    double firstLineSeconds = -1;
    while ((n = read(pipeFds[0], buffer, sizeof buffer)) > 0) {
        output.append(buffer, size_t(n));
        if (firstLineSeconds < 0 && output.find('\n') != std::string::npos)
            firstLineSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    close(pipeFds[0]);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

    std::string firstLine = output.substr(0, output.find('\n'));
    std::string escaped;
    for (char c : firstLine) {
        if (c == '"' || c == '\\')
            escaped += '\\';
        if (static_cast<unsigned char>(c) >= 0x20)
            escaped += c;
    }
    std::printf("{\"seconds\": %.6f, \"firstLineSeconds\": %.6f, \"peakRssKiB\": %ld, \"exitCode\": %d, \"stdout\": \"%s\"}\n",
                seconds, firstLineSeconds, usage.ru_maxrss, exitCode, escaped.c_str());
    return 0;
}
