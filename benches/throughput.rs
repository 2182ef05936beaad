//! Throughput of check and fix over the corpus and generated text.
//! The full side-by-side with peers is bench/run.sh.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use detritus::{FixMode, Linter, Settings};

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench(c: &mut Criterion) {
    let linter = Linter::new(&Settings::default()).unwrap();
    let dirty = corpus();
    let clean = "The council approved the budget on Tuesday after a long debate. Officials said the plan, \
                 which runs to 2030, would cost about $3.5 million a year.\n\n"
        .repeat(200);
    let mut group = c.benchmark_group("detritus");
    for (name, text) in [("corpus", &dirty), ("clean", &clean)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("check/{name}"), |b| b.iter(|| linter.check(text)));
        group.bench_function(format!("fix-unsafe/{name}"), |b| {
            b.iter(|| linter.fix(text, FixMode::Unsafe).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
