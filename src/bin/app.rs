//! The browser entry point, built by Trunk with `--features csr`.

fn main() {
    yew::Renderer::<caricc_viewer::ui::App>::new().render();
}
