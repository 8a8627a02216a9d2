//! The browser entry point, built by Trunk with `--features csr`.

// 2.9 KB smaller gzipped than the standard library's dlmalloc, and no slower in
// bench/run.sh. The page runs on one thread (the build has no `atomics`), which this
// allocator requires.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // A published site's page is drawn out of the document and then put in the page's
    // place (see `App`); anywhere else the app fills the body.
    match caricc_viewer::site_host() {
        Some(host) => yew::Renderer::<caricc_viewer::App>::with_root(host).render(),
        None => yew::Renderer::<caricc_viewer::App>::new().render(),
    };
}
