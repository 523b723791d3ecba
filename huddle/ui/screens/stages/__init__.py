"""The five stages of the guided huddle, one file each; `HuddleScreen` switches between them."""
