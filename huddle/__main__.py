from huddle.cli.entry import main

main()
