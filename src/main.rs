// Linting allocates many small, short-lived strings on every thread;
// jemalloc serves them faster than the system allocator.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let code = medlint::cli::run(std::env::args_os().collect());
    std::process::exit(code);
}
