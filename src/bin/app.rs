//! The page's main wasm binary (built by Trunk from index.html).

fn main() {
    #[cfg(target_arch = "wasm32")]
    newslens::web::app::start();
}
