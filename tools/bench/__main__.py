import sys

from tools.bench import domain, pipeline


def main() -> None:
    results = domain.measure()
    if "--domain-only" not in sys.argv:
        results |= pipeline.measure(int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 500)
    width = max(map(len, results))
    for name, value in results.items():
        print(f"{name:<{width}}  {value:,.1f}")


if __name__ == "__main__":
    main()
