import sys



def main() -> None:
    if "--gateway-only" in sys.argv:
        from tools.bench import gateway

        report(gateway.measure_alone())
        return
    from tools.bench import domain, pipeline

    results = domain.measure()
    if "--domain-only" not in sys.argv:
        results |= pipeline.measure(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 500)
    report(results)


def report(results: dict[str, float]) -> None:
    width = max(map(len, results))
    for name, value in results.items():
        print(f"{name:<{width}}  {value:,.1f}")


if __name__ == "__main__":
    main()
