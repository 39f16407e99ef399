fn main() {
    let code = medlint::cli::run(std::env::args().collect());
    std::process::exit(code);
}
