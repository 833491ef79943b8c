//! The analysis Web Worker's wasm binary (built by Trunk from index.html).

fn main() {
    #[cfg(target_arch = "wasm32")]
    newslens::web::worker::start();
}
