"""Demo content for `manage.py demo`: text written for Candid."""

AUTHORS = [
    {
        "username": "mara",
        "display_name": "Mara Okafor",
        "email": "mara@example.com",
        "bio": (
            "Mara taught chemistry for thirty years before retiring to Wrenfield and taking on "
            "a plot she describes as mostly clay and optimism. She coordinates the community "
            "garden, the compost bays and the seed library."
        ),
    },
    {
        "username": "jonah",
        "display_name": "Jonah Whitcombe",
        "email": "jonah@example.com",
        "bio": (
            "Jonah is a joiner by trade and a tinkerer by temperament. He runs the tool library "
            "and the Thursday evening workshop, and believes almost anything can be mended with "
            "patience and the right clamp."
        ),
    },
    {
        "username": "ines",
        "display_name": "Ines Carvalho",
        "email": "ines@example.com",
        "bio": (
            "Ines grew up cooking for a large and noisy family in Porto and now cooks for a large "
            "and noisy town. She organises the Thursday suppers at the grange hall and keeps the "
            "preserving shelf stocked."
        ),
    },
]

CATEGORIES = [
    {
        "name": "Garden",
        "slug": "garden",
        "parent": None,
        "description": "News and notes from the community plots on Mill Lane.",
    },
    {
        "name": "Seeds",
        "slug": "seeds",
        "parent": "garden",
        "description": "Seed saving, seed swaps and the lending shelf at the seed library.",
    },
    {
        "name": "Soil & Compost",
        "slug": "soil",
        "parent": "garden",
        "description": "Compost bays, leaf mould and the slow work of building good soil.",
    },
    {
        "name": "Kitchen",
        "slug": "kitchen",
        "parent": None,
        "description": "Recipes and stories from the grange hall kitchen and the Thursday suppers.",
    },
    {
        "name": "Preserving",
        "slug": "preserving",
        "parent": "kitchen",
        "description": "Jams, chutneys, pickles and other ways of keeping the harvest into winter.",
    },
    {
        "name": "Workshop",
        "slug": "workshop",
        "parent": None,
        "description": "The tool library, repairs, and things built on Thursday evenings.",
    },
    {
        "name": "Town Notes",
        "slug": "town",
        "parent": None,
        "description": "Gatherings, notices and general goings-on around Wrenfield.",
    },
]

TAGS = [
    {"name": "tomatoes", "slug": "tomatoes"},
    {"name": "compost", "slug": "compost"},
    {"name": "beans", "slug": "beans"},
    {"name": "seed swap", "slug": "seed-swap"},
    {"name": "bees", "slug": "bees"},
    {"name": "winter", "slug": "winter"},
    {"name": "beginners", "slug": "beginners"},
    {"name": "sourdough", "slug": "sourdough"},
    {"name": "pickles", "slug": "pickles"},
    {"name": "rhubarb", "slug": "rhubarb"},
    {"name": "potluck", "slug": "potluck"},
    {"name": "woodworking", "slug": "woodworking"},
    {"name": "tools", "slug": "tools"},
    {"name": "repair", "slug": "repair"},
]

POSTS = [
    {
        "title": "Garlic goes in before the ground freezes",
        "slug": "garlic-goes-in-before-the-ground-freezes",
        "author": "mara",
        "days_ago": 2,
        "categories": ["garden"],
        "tags": ["winter", "beginners"],
        "body": """If you've never grown garlic, this is the week to start. It is one of the few crops you plant in autumn and then mostly forget about until summer, and it asks very little of you in between.

<!--more-->

Buy seed garlic from a grower, or ask at the seed library, rather than planting supermarket bulbs. Those are often treated to stop them sprouting, and they may be a variety that prefers a warmer climate than ours.

1. Break the bulbs into cloves just before planting. Keep the biggest cloves for the ground; big cloves make big bulbs.
2. Push each clove into the soil pointy end up, about two knuckles deep and a hand's width apart.
3. Mulch with a layer of leaves or straw so the soil doesn't heave in a hard frost.

Then leave it be. Green shoots will appear in a few weeks and sit quietly through the winter. In early summer you'll get curly flower stalks called *scapes*, which you should snap off and fry in butter. Harvest when about half the leaves have turned brown, usually around the middle of July.

There are spare cloves in a basket in the shed. Help yourself.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Fixing a wobbly chair with nothing fancy",
        "slug": "fixing-a-wobbly-chair",
        "author": "jonah",
        "days_ago": 6,
        "categories": ["workshop"],
        "tags": ["repair", "woodworking"],
        "body": """Half the chairs in the grange hall wobble. This is not a mystery: they are older than most of the people who sit on them, and the glue in their joints gave up decades ago. On Thursday we fixed six of them with hide glue, a few clamps and a fair amount of patience.

<!--more-->

## Take it apart

This is the single most important step. Squirting glue into a loose joint without opening it up almost never holds, because the old glue stops the new glue from reaching the wood. Tap the joint apart gently with a rubber mallet and a block of scrap. Mark each piece in pencil as it comes off, so you know where it goes back.

## Clean the joints

Scrape the old glue off the tenons and out of the holes. Warm water and a blunt knife soften most of it. Resist the urge to sand: a tenon that gets thinner only gets looser.

## Glue and clamp

Hide glue is what these chairs were built with, and it has one great advantage. The next person who repairs them can take the joints apart again with a little warmth and water. Brush it onto both surfaces, reassemble, and clamp gently. Check that all four legs sit flat on the floor *before* the glue sets.

Leave it overnight. In the morning, sit on it with confidence. Only thirty-odd to go.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Apple butter for people who don't own a food mill",
        "slug": "apple-butter-without-a-food-mill",
        "author": "ines",
        "days_ago": 11,
        "categories": ["preserving"],
        "tags": [],
        "body": """Apple butter has a reputation for being fussy: hours of stirring, a special sieve, and a kitchen that smells wonderful but looks like a disaster. It doesn't have to be like that.

<!--more-->

The trick is to leave the peel on, cook the apples until they collapse, and then use a stick blender instead of pushing everything through a food mill. The peel adds colour and body, and once it's blended you genuinely can't tell it was ever there.

Then, instead of standing over a pot on the hob all afternoon, spread the purée in a wide roasting tin and let it reduce slowly in a low oven, stirring every half hour or so. The wide tin gives it more surface to lose water from, and the oven heat is gentle enough that nothing catches on the bottom.

It's done when it's dark, glossy, and thick enough that a spoonful holds its shape on a cold plate. Stir in cinnamon and a squeeze of lemon at the end, taste, and adjust. We made twelve jars from the windfalls in the lane, and they are already nearly gone.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Saving bean seeds, start to finish",
        "slug": "saving-bean-seeds-start-to-finish",
        "author": "mara",
        "days_ago": 15,
        "categories": ["seeds"],
        "tags": ["beans", "seed-swap", "beginners"],
        "body": """Beans are the easiest seeds to save, which is why we always suggest them to people who are new to the seed library. They mostly pollinate themselves, the seeds are big enough to handle, and you can tell at a glance whether they're ready. This guide walks through the whole process, from choosing plants in summer to filling envelopes in winter.

<!--more-->

## Part one: choosing your plants

Seed saving starts long before harvest. The plants you save from decide what you'll be growing next year, so choose them on purpose.

- **Pick the healthiest plants**, not just the ones nearest the path. Look for strong growth, a good yield and no sign of mottled or crinkled leaves, which can mean a virus carried in the seed.
- **Mark them early.** A bit of coloured wool tied round the stem stops anyone picking those pods for dinner.
- **Leave the pods on the plant.** It feels wasteful, but the seeds need to mature fully inside the pod, long after it would have been good to eat.

### How much to save

For your own garden, a handful of plants is plenty. If you're saving for the library, try to save from at least six plants, so the seed keeps some variety and doesn't narrow down to one plant's quirks.

### Crossing

Beans rarely cross, but it does happen, especially with runner beans, which bees adore. If you're growing two runner varieties, keep them as far apart as your plot allows, or save from only one of them this year.

<!--nextpage-->

## Part two: drying and shelling

The pods are ready when they are dry, papery, and rattle when you shake them. In a kind autumn this happens on the plant. In a wet one, you may need to help.

1. **Harvest on a dry day** if you can, after the dew has lifted.
2. **If rain is coming**, pull the whole plants up by the roots and hang them upside down somewhere airy, like a shed or a porch. The pods will carry on ripening for a couple of weeks.
3. **Shell by hand** for small amounts. For larger ones, put the pods in a pillowcase and tread on it gently, then tip it out in a breeze so the chaff blows away.
4. **Dry the seeds again** for another week or two, spread out in a single layer on a rack or tray.

### The bite test

To tell whether a bean is dry enough to store, try biting one. If your teeth leave a dent, it needs longer. If it shatters, or you can't mark it at all, it's ready. (Please don't try this with seed that has been treated with anything.)

<!--nextpage-->

## Part three: storing and sharing

Dry seed lasts a long time if you keep it cool, dark and dry. Bean seed stored well will usually still grow after three or four years.

- **Use paper envelopes or glass jars**, not plastic bags, which can trap any moisture left in the seed.
- **Label everything.** Variety, the year it was grown, and where. You will not remember, and neither will we.
- **Freeze for a few days** before storing if you've seen bean weevils. It kills any eggs without harming the seed.

### Returning seed to the library

If you borrowed your original seed from us, please bring back a packet in the autumn, even a small one. That's how the library stays stocked. There's a drop box in the grange hall, and the [returns form](https://example.org/wrenfield/seed-library/returns) asks only for the variety, the year, and how it grew for you.

Thank you for keeping the beans going. Some of the varieties in our cabinet have been passed from garden to garden for longer than anyone in Wrenfield has been alive, and every packet you return keeps that chain unbroken.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Notes from the October potluck",
        "slug": "notes-from-the-october-potluck",
        "author": "ines",
        "days_ago": 19,
        "categories": ["town", "kitchen"],
        "tags": ["potluck"],
        "body": """The October potluck was our biggest yet: sixty-odd people, three tables of food, and the grange hall heating working for the first time in living memory.

<!--more-->

A few of the dishes people asked about afterwards:

- The **pumpkin and chickpea stew** came from the Mensah family, who have promised to share the recipe as soon as they work out what they actually put in it.
- The **plum cake** with the crackly top was Dot's. She is eighty-four and has been making it since before the hall had electric lights.
- The **beetroot salad** that turned everyone's fingers pink was made by the children's cooking club, who were delighted by the chaos.

Late in the evening, when the washing up was mostly done, Dot stood up and said a few words, which I wrote down as soon as I could find a pencil:

> When I was a girl this hall was full every week, and then for a long time it wasn't. I'm glad I lived long enough to see it full again.

There was not a dry eye at the sink. The next potluck is on the first Thursday of December. Bring a dish, bring a neighbour, and bring a tea towel.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Leaves are free compost, if you ask nicely",
        "slug": "leaves-are-free-compost",
        "author": "mara",
        "days_ago": 23,
        "categories": ["soil"],
        "tags": ["compost", "winter"],
        "body": """Every autumn the town sweeps up thousands of bags of leaves and pays to have them taken away. Every spring the garden wishes it had more organic matter. This year we finally put those two facts together.

<!--more-->

After a polite letter and one slightly less polite phone call, the parks department agreed to tip the leaves from the Mill Lane avenue at our gate instead of hauling them across the county. The first load arrived on Thursday: a small mountain, mostly lime and sycamore, with the occasional crisp packet.

Here's what we're doing with it:

- **Leaf mould.** Half are going into wire cages behind the shed to rot down slowly. In two years they'll be the finest, softest potting material you could wish for.
- **Mulch.** A thick layer goes on the empty beds now, to stop the winter rain from battering the bare soil.
- **Compost browns.** The rest are bagged and stored for the compost bays, to balance all the green stuff that pours in over the summer.

If you rake leaves at home and don't want them, bring them down. Just leave the crisp packets out.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "A cold frame, a hot bed, and a stubborn hinge",
        "slug": "a-cold-frame-and-a-stubborn-hinge",
        "author": "jonah",
        "days_ago": 28,
        "categories": ["workshop", "garden"],
        "tags": ["winter", "woodworking"],
        "body": """Mara asked for a cold frame back in August, so that we could keep salads going into the winter. I built it last week, which is later than ideal but earlier than never, and it now sits along the south wall of the shed with a tray of lettuce under the glass.

<!--more-->

## The frame

It's a plain box of salvaged decking boards, taller at the back than the front so the lid slopes toward the sun. The lid is an old storm window that had been leaning behind the grange hall for as long as anyone can remember. Total cost: a box of screws and a pair of hinges.

## The hinge

The hinges were the trouble. The first pair were too light, and the lid twisted on them every time someone lifted it one-handed. Within a week one screw had pulled out entirely. The fix was embarrassingly simple: heavier strap hinges, and a block glued behind the back board so the screws have something solid to bite into.

## The hot bed

Under the frame we dug out about a foot of soil, packed in fresh stable manure, and put the soil back on top. As the manure breaks down it warms the bed from below. A soil thermometer says it's running several degrees warmer than the open ground, which is enough to make the lettuce look rather smug.

If you'd like to build one, the plans are pinned up in the workshop, and the offcuts bin still has plenty of decking in it.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "The tool library's inventory lives in a text file",
        "slug": "tool-library-inventory-text-file",
        "author": "jonah",
        "days_ago": 33,
        "categories": ["workshop"],
        "tags": ["tools"],
        "body": """People are sometimes surprised to learn that the tool library doesn't have an app. It has a text file, one tool per line, kept on the old laptop in the workshop and backed up to a memory stick that lives in the tea tin.

<!--more-->

Each line has four parts separated by a vertical bar: a short code, the tool's name, who has it at the moment, and the date it went out. A tool that's at home on its hook just says *shelf* in the third column. When somebody asks where the long ladder has got to, the answer is one command away:

```sh
$ grep -i ladder tools.txt
L02 | extension ladder, 6 m  | r.mensah  | 20 Oct
L03 | step ladder, 5 tread   | shelf     |
$ grep -vc shelf tools.txt
14
```

That second line tells me fourteen things are out on loan, which on a Saturday in October is about right.

Why not something fancier? Because anybody can open a text file, it will still open in twenty years, and it has never once asked us to install an update. A printed copy also goes up by the door every Sunday, which covers the days when the laptop refuses to wake.

If you'd like to see what's available before walking down, the current list is on the [tool library page](https://example.org/wrenfield/tools), refreshed whenever somebody remembers.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Green tomato chutney, round two",
        "slug": "green-tomato-chutney-round-two",
        "author": "ines",
        "days_ago": 38,
        "categories": ["preserving"],
        "tags": ["tomatoes", "pickles"],
        "body": """The frost warning came on Tuesday, and by Wednesday evening the plots had been stripped of every tomato left on the vine, ripe or not. That left us with a great many green tomatoes and one obvious plan.

<!--more-->

Last year's chutney was, let's be honest, too sweet. This year I cut the sugar by a third, added more vinegar, and used a mix of brown and red onions. The result is sharper, darker, and much better with cheese.

Roughly, for eight jars:

- 2 kg green tomatoes, chopped
- 500 g onions, chopped
- 2 cooking apples, peeled and chopped
- 300 g brown sugar
- 500 ml cider vinegar
- a handful of sultanas
- mustard seed, a little ground ginger, a pinch of chilli flakes, and salt

Everything goes into the big pan to simmer, with a stir now and then, for two to three hours, until a spoon drawn across the bottom leaves a clear path for a moment before it closes up. Pot it hot into hot jars and leave it at least a month before opening. It improves with keeping; last year's jars were far nicer by spring.

There are a few spare jars on the shelf by the grange hall door. Leave a coin in the tin if you take one.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Lost: one blue trowel",
        "slug": "lost-one-blue-trowel",
        "author": "mara",
        "days_ago": 43,
        "categories": ["town"],
        "tags": [],
        "body": """Has anyone seen a blue-handled trowel with a chipped tip? I left it by the water butt on Sunday. It isn't worth much, but it was my mother's. Please leave it in the shed. Thank you!""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": 'The "great zucchini poll": results, and why comments are closed',
        "slug": "zucchini-poll-results",
        "author": "ines",
        "days_ago": 49,
        "categories": ["kitchen"],
        "tags": ["potluck"],
        "body": """Thank you to the sixty-three people who voted in the great zucchini poll. The question was simple: what should the Thursday supper crew do with the glut that lands on us every August?

<!--more-->

The results:

- **Fritters:** 27 votes
- **Chocolate zucchini cake:** 19 votes
- **Stuffed and baked:** 11 votes
- **Please, no more zucchini:** 6 votes

So fritters it is, with cake for pudding on at least one Thursday, and a promise to the brave six that there will always be something else on the table.

I've closed comments on this post. The conversation wandered a long way from supper and settled into a spirited argument about whether a zucchini and a courgette are the same thing (they are). I'd rather we carried that on in person, at the grange hall, where it can be settled with food.""",
        "sticky": False,
        "comments_open": False,
    },
    {
        "title": "A seed-drying rack from old window screens",
        "slug": "seed-drying-rack-from-window-screens",
        "author": "jonah",
        "days_ago": 54,
        "categories": ["workshop", "seeds"],
        "tags": ["seed-swap", "woodworking"],
        "body": """Mara mentioned that the seed library dries everything on newspaper spread across the grange hall floor, and that the newspaper keeps getting walked on. So this week's project was a drying rack.

<!--more-->

It's nothing clever. Four old window screens, the fine-mesh kind, slide into a tall frame made from scrap pine, with about a hand's width between each one. Air moves through the mesh from above and below, so beans and seed heads dry evenly without being turned, and the whole thing stands in a corner instead of taking over the floor.

The frame is held together with pocket screws, which I know some of the Thursday woodworkers regard as cheating. It's a seed rack. It will be fine.

If you have more window screens lying around, we could use two more trays. Bring them by the workshop any Thursday evening.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Tomato tasting day, ranked honestly",
        "slug": "tomato-tasting-day-ranked",
        "author": "mara",
        "days_ago": 61,
        "categories": ["garden"],
        "tags": ["tomatoes"],
        "body": """On Saturday eighteen of us gathered around a trestle table with a chopping board, a sharp knife, a salt cellar and fourteen varieties of tomato grown on the plots this year. The rules were simple: taste each one, score it out of ten, and find something kind to say even about the watery one.

<!--more-->

## The results

Here is the final ranking, by average score:

1. **Black Krim.** Dark, smoky and faintly salty. The clear winner, although several people said it looked "bruised".
2. **Sungold.** The cherry everyone already knew they loved. Tastes as if someone has added sugar.
3. **Brandywine.** Enormous, slow, and worth the wait. Two plants split in the August rain.
4. **Green Zebra.** Sharp and bright; better in a salad than eaten on its own.
5. **Gardener's Delight.** Reliable, generous, a little ordinary. The tomato equivalent of a good pair of boots.

Everything else scored between four and six, apart from a mystery plant that seeded itself beside the compost bins and scored a surprising seven and a half. We're saving seed from it out of sheer curiosity.

## What we learned

- **Sun matters more than variety.** The same Sungold grown on the shady plot by the hedge scored two points lower.
- **Don't refrigerate them.** One sample had spent the night in a fridge and was noticeably blander. We didn't say which until afterwards.
- **Salt helps everything.** No surprises there.

## Next year

We'd like to try a few paste tomatoes, since the preserving crew is always short of them in September. Suggestions are welcome; the [tomato notes](https://example.org/wrenfield/garden/tomatoes) page lists everything we've grown so far, with comments from the growers.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Should the seed library lend out tools too?",
        "slug": "should-the-seed-library-lend-tools",
        "author": "jonah",
        "days_ago": 68,
        "categories": ["town", "workshop"],
        "tags": ["tools", "seed-swap"],
        "body": """The seed library has been running for four years now, out of a cabinet in the grange hall. The tool library has been running for two, out of the workshop. Both work on the same idea: borrow what you need, bring it back, and add to the shelves when you can. A few people have asked whether they ought to be one thing.

<!--more-->

## The case for merging

- One place to go, one set of opening hours, one list to check.
- The grange hall is open more often than the workshop, so tools would be easier to get hold of.
- Seeds and tools tend to be wanted at the same time of year. Nobody borrows a broadfork in December.

## The case against

- The grange hall cabinet is small, and a wheelbarrow does not fit in a cabinet.
- Tools need checking and mending when they come back. Seeds mostly need a dry shelf.
- Two small things run by different people are sometimes sturdier than one bigger thing run by a tired committee.

I honestly don't know which way I lean. What I'd like is to hear from the people who actually use them: *what would make borrowing easier for you?* Tell us in the comments, and we'll take the ideas to the November meeting.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "A quick fridge pickle for the cucumber flood",
        "slug": "quick-fridge-pickles",
        "author": "ines",
        "days_ago": 75,
        "categories": ["preserving"],
        "tags": ["pickles", "beginners"],
        "body": """Every August there's a week when cucumbers start appearing on the grange hall steps in unmarked bags, like foundlings. This is what I do with them.

<!--more-->

These aren't proper canned pickles; they live in the fridge and keep for about a month. But they're ready the next day, they need no special equipment, and they stay crisp.

1. Slice about a kilo of cucumbers into thin rounds or spears, and pack them into clean jars with a few slices of onion, a couple of garlic cloves and a good pinch of dill seed.
2. In a pan, warm 300 ml cider vinegar, 300 ml water, 1 tablespoon salt and 2 tablespoons sugar, just until the salt and sugar dissolve.
3. Pour the warm brine over the cucumbers until they're covered. Let the jars cool, put the lids on, and move them to the fridge.

That's all. If you like them hot, add a split chilli to each jar. If you like them sweet, double the sugar and call them bread-and-butter pickles. And if you still have cucumbers after that, bring them to Thursday supper and I'll find another use.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Summer squash fritters for a crowd",
        "slug": "squash-fritters-for-a-crowd",
        "author": "ines",
        "days_ago": 82,
        "categories": ["kitchen"],
        "tags": ["potluck"],
        "body": """When the squash starts coming in faster than anyone can eat it, fritters are the answer. They use up a lot of squash, they stretch to feed a crowd, and children who would never touch a slice of courgette will happily eat six.

<!--more-->

For about forty fritters:

- 2 kg summer squash, coarsely grated
- 1 tablespoon salt
- 6 eggs
- 250 g plain flour
- a big handful of chopped dill or mint
- 200 g crumbled feta (optional, but not really)
- plenty of black pepper
- oil for frying

Toss the grated squash with the salt and leave it in a colander for half an hour. Then squeeze it. **Really** squeeze it, a handful at a time in a clean tea towel, until your arms ache; this is the whole secret. Wet squash makes soggy fritters.

Mix in everything else, drop spoonfuls into a hot oiled pan, and flatten them a little. Fry until deep golden on both sides. Keep the cooked ones warm in a low oven while you finish the rest, or, more realistically, put them on a plate by the door and watch them vanish.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Sharpening a hoe with a file, step by step",
        "slug": "sharpening-a-hoe-with-a-file",
        "author": "jonah",
        "days_ago": 90,
        "categories": ["workshop"],
        "tags": ["tools", "repair"],
        "body": """A sharp hoe does half the weeding for you. A blunt one just shoves the soil around and makes you cross. Most of the hoes in the tool library hadn't seen a file in years, so last weekend we sat down and put that right.

<!--more-->

You'll need a flat mill file, a vice or clamp, a pair of gloves, and about ten minutes per hoe.

1. **Clean it.** Scrape off the dried mud with a stiff brush. You can't sharpen through dirt.
2. **Clamp it.** Hold the blade firmly, edge up and pointing away from you.
3. **Find the bevel.** Look along the edge: one side has a slanted face. That's the side you file, keeping to the same angle.
4. **File on the push stroke only.** Lift the file on the way back, and work along the whole edge evenly rather than scrubbing at one spot.
5. **Feel for the burr.** When a slight rough lip forms on the flat side, the bevel is done. Knock the burr off with a single light pass along the flat side.
6. **Oil it.** A wipe of linseed oil on the metal and the handle keeps the rust away until next time.

There's now a file hanging on a hook beside the hoes. Please use it, and please put it back.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "The rain barrel that almost worked",
        "slug": "the-rain-barrel-that-almost-worked",
        "author": "jonah",
        "days_ago": 97,
        "categories": ["workshop", "garden"],
        "tags": ["repair"],
        "body": """Last month we connected two rain barrels to the gutter on the garden shed, so that the plots near the back fence would have water without a trip to the standpipe. For about a week, it was a triumph.

<!--more-->

Then it rained properly. The first barrel filled, the overflow hose into the second barrel did exactly what it was meant to, and the second barrel filled too. What we hadn't thought about was where the *second* barrel's overflow should go. The answer, it turned out, was straight down the side of the shed and into the potato bed.

What we changed:

- A proper overflow outlet on the second barrel, piped to a gravel soakaway dug well away from any bed.
- A mesh screen over the inlet, because the barrels were filling up with sycamore seeds and at least one frog.
- Lids on both, against mosquitoes and curious children.

The potatoes survived, though they sulked for a week. If you have a rain barrel at home, it's worth going out in the next heavy shower and simply watching where the water goes. Ours taught us more in ten minutes than a week of planning did.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Bees in the east beds",
        "slug": "bees-in-the-east-beds",
        "author": "mara",
        "days_ago": 104,
        "categories": ["garden"],
        "tags": ["bees"],
        "body": """For the first time since the garden began, we have bees of our own. Two hives arrived in May, courtesy of a member who keeps several on her farm and offered to share the work in exchange for our flowers.

<!--more-->

They live at the far east end, behind the currant bushes, facing the morning sun and turned away from the main path. So far they have been entirely calm, and the difference on the squash and beans is already easy to see: more fruit setting, and far fewer flowers dropping off unpollinated.

A few requests for everyone:

- Please don't stand directly in front of the hives. Bees keep to flight paths, and they don't enjoy finding you in one.
- If you're allergic, tell one of us, so we can make sure you know where the hives are and where the first aid kit lives.
- Go easy on sprays of any kind, even the "natural" ones. Plenty of them are as hard on bees as on aphids.

There will be honey eventually, though probably not this year. The bees need their stores to get through the winter, and we'd rather have strong hives than an early jar.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Starter care for the forgetful baker",
        "slug": "starter-care-for-forgetful-bakers",
        "author": "ines",
        "days_ago": 112,
        "categories": ["kitchen"],
        "tags": ["sourdough", "beginners"],
        "body": """I have killed, by my own count, five sourdough starters. I'm not proud of it, but it does mean I can speak with some authority on what a starter will and won't forgive.

<!--more-->

## What it forgives

A surprising amount. A starter ignored in the fridge for three weeks, with a layer of grey liquid on top, is almost always still alive. Pour off the liquid, feed it, leave it somewhere warm, and feed it again the next day. By the second or third feed it will usually be bubbling again.

## What it doesn't forgive

- **Heat.** A jar left on a radiator or in a hot car can be cooked beyond rescue.
- **Pink or orange streaks.** These mean something other than yeast has moved in. Throw it out and ask for a fresh scoop.
- **A lid screwed down tight for weeks.** It needs a little air.

## A routine for forgetful people

Keep it in the fridge. Feed it on the same day you put the bins out, whether you plan to bake or not. That's it. The bin lorry has saved more starters in this town than any book.

And if yours doesn't make it, there's always spare at the Saturday bake.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "A bench for the garden gate",
        "slug": "a-bench-for-the-garden-gate",
        "author": "jonah",
        "days_ago": 121,
        "categories": ["workshop"],
        "tags": ["woodworking"],
        "body": """For three summers, people have been sitting on an upturned wheelbarrow by the garden gate while they wait for a lift, catch their breath, or argue about beans. It seemed time to give them something better.

<!--more-->

The bench is made from a single oak board that came out of a barn roof on the Halloway farm, ripped down the middle for the seat and cut into short lengths for the legs. The joints are simple through-tenons, wedged from above, so there's no metal in it anywhere. I wanted something that could sit out in the rain for twenty years and be tightened with a mallet.

A few people helped with the mortises, which are tedious to cut by hand and go much faster in company. Thanks especially to the Thursday evening crew, who now know more about chisel sharpening than they ever asked to.

The wheelbarrow has been returned to its proper duties. It seems relieved.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Why we're not spraying the aphids",
        "slug": "why-we-are-not-spraying-the-aphids",
        "author": "mara",
        "days_ago": 134,
        "categories": ["garden"],
        "tags": ["beans", "beginners"],
        "body": """A few people have asked why nobody has done anything about the aphids on the broad beans at the top of the garden. The short answer is that something is being done, just not by us. If you look closely at the tips of those plants you'll find ladybird larvae, which look like tiny grey alligators, and they are eating the aphids as fast as they can. Spraying now would kill the larvae along with the pests and leave us worse off next month. So we're pinching out the worst-affected tips and letting the ladybirds handle the rest. Patience is a gardening tool too, if an underused one.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Midsummer at the plots",
        "slug": "midsummer-at-the-plots",
        "author": "mara",
        "days_ago": 146,
        "categories": ["town"],
        "tags": [],
        "body": """Midsummer evening at the plots was warm, a little midgy, and lovely. Someone strung lights along the fence, the children ran a race between the bean rows that had more rules than runners, and Ines brought strawberries from her own bed with cream from the farm up the hill. We stayed until it was properly dark, which in June is very late indeed. Nobody weeded anything. Nobody watered anything either, which we'll pay for this week, but it felt like the right way to mark the longest day. Thank you to whoever left the lemonade; your jug is waiting for you in the shed.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Bread from the grange hall oven",
        "slug": "bread-from-the-grange-hall-oven",
        "author": "ines",
        "days_ago": 155,
        "categories": ["kitchen"],
        "tags": ["sourdough"],
        "body": """The grange hall has an oven that was clearly built for a bigger town than ours. It takes forty minutes to come up to heat, it runs hot at the back left, and it will bake eight loaves at once without complaint. This spring we finally started using it properly.

<!--more-->

Every second Saturday, anyone who likes can bring shaped dough in a proving basket or a floured bowl, and we bake it together. You pay for any flour you used from the shared bin, and you take your turn rotating the trays. That's the whole system.

A few things we've learned so far:

- **Label your loaf.** Eight round brown loaves look remarkably alike.
- **Score deeper than you think.** The oven sets the crust fast, and shallow cuts simply seal over.
- **Put the wettest doughs at the back left**, where it's hottest. They need the push.
- **Someone has to bring butter.** It is never the person you expect.

If you don't keep a starter yet, ask at the next bake. There's always a spare jar going home with somebody.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "What to bring to your first Thursday supper",
        "slug": "your-first-thursday-supper",
        "author": "ines",
        "days_ago": 163,
        "categories": ["kitchen", "town"],
        "tags": ["potluck", "beginners"],
        "body": """People ask this every week, usually a little nervously, so here is the honest answer: bring yourself, and if you like, bring something to share. Nobody checks.

<!--more-->

That said, a few habits make the evening easier for everyone:

- **Something that travels.** A dish that's happy at room temperature is worth ten that need reheating. The oven is usually full of somebody's lasagne.
- **A label.** Just a scrap of paper saying what it is and whether it has nuts, dairy or meat in it. There's a stack of cards by the door if you forget.
- **Your own plate, if you can.** We own forty plates, and on a good night there are fifty-five of us.
- **Nothing at all, if that's what you have this week.** Truly. There's always more than enough, and someone will be glad of help with the washing up.

Supper starts at half past six. Come early if you'd like to help set out the tables, or late if you'd rather slip in quietly. Either way, we're glad you came.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Plant your tomatoes deeper than feels right",
        "slug": "plant-tomatoes-deeper",
        "author": "mara",
        "days_ago": 171,
        "categories": ["garden"],
        "tags": ["tomatoes", "beginners"],
        "body": """Most seedlings want to sit in the ground at exactly the depth they grew in the pot. Tomatoes are the cheerful exception: bury them up to their first true leaves, and they'll thank you for it.

<!--more-->

The fine hairs on a tomato stem can turn into roots wherever they touch damp soil. A leggy seedling planted deep ends up with a root system half as large again, so it copes better with dry spells and stands straighter in the wind.

How we do it on the plots:

1. Pinch off the lower leaves, leaving the top two or three sets.
2. Dig a hole deep enough to bury two thirds of the stem. If the soil underneath is cold and hard, dig a shallow trench instead and lay the stem along it on its side.
3. Firm the soil gently, water well, and put the stake in *now*, before the roots spread.

The trench method looks alarming for a day or two, with the plant lying almost flat. By the end of the week the top will have turned itself to face the sky again. Plants are more stubborn than we are.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Turning the big compost pile",
        "slug": "turning-the-big-compost-pile",
        "author": "mara",
        "days_ago": 179,
        "categories": ["soil"],
        "tags": ["compost"],
        "body": """There's a particular pleasure in turning a compost pile on a chilly morning and watching it steam. It's the garden's way of reminding you that a great deal is happening even where nothing appears to grow.

<!--more-->

We turned the main bay last Saturday, with six people and four forks. Some notes for anyone planning the same:

1. **Start from the outside.** The edges of the pile are the least broken down. Move them into the middle of the new bay, where they'll heat up.
2. **Check the moisture as you go.** Squeeze a handful: it should feel like a wrung-out sponge. Ours was dry on top and sodden at the bottom, which is typical after a winter of rain with no cover.
3. **Add the browns you've been saving.** We mixed in two bags of shredded leaves from last autumn.
4. **Cover it again.** An old carpet or a tarpaulin stops the rain washing the goodness out.

By the end the new bay was about waist high and already warm to the touch. In six weeks or so we should have something dark and crumbly to spread around the squash. Thanks to everyone who turned up; the soup afterwards was well earned.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Rhubarb, three ways, before it bolts",
        "slug": "rhubarb-three-ways",
        "author": "ines",
        "days_ago": 186,
        "categories": ["kitchen", "preserving"],
        "tags": ["rhubarb"],
        "body": """The rhubarb by the shed is the first crop in the garden we get to harvest by the armful, and it always arrives in a rush. Here's what we did with this year's first heavy picking.

<!--more-->

## Roasted with orange

Cut the stalks into finger lengths, lay them in a single layer, scatter with sugar and a little grated orange zest, and roast in a moderate oven for about fifteen minutes. They should just hold their shape. Eat with yoghurt, or with nothing at all.

## Quick rhubarb syrup

Simmer chopped rhubarb with an equal weight of sugar and just enough water to cover. Strain through a cloth, keep the pink syrup in the fridge, and add a splash to fizzy water. The leftover pulp is excellent stirred into porridge.

## Rhubarb and ginger jam

This is the one people asked for. It sets more easily than you might expect, because we add a sharp cooking apple for pectin. The full recipe, with the weights we actually used, is on the [preserving notes page](https://example.org/wrenfield/kitchen/jam).

A reminder: the leaves are poisonous. They go on the compost, not in the pot.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Spring seed swap recap: 212 packets and a great deal of chard",
        "slug": "spring-seed-swap-recap",
        "author": "mara",
        "days_ago": 193,
        "categories": ["seeds", "town"],
        "tags": ["seed-swap", "beans"],
        "body": """Our fourth spring seed swap was the busiest yet. By the count at the door, forty-one people came through, and by the count at the tables, 212 packets changed hands. At least thirty of them were chard, which tells you something about what grows well on Mill Lane.

<!--more-->

Some highlights:

- A runner bean from a member's grandmother, saved in the same family for longer than anyone could say. We've put some in the library so it isn't all in one shed.
- Three kinds of hot pepper from the folk on Orchard Row, with stern warnings attached.
- A tin of mixed lettuce labelled only *good ones*, which is honestly the best kind of label.

If you took seeds home, please remember the library's one rule: grow them out, save some back, and return a packet in the autumn. The [seed library catalogue](https://example.org/wrenfield/seed-library) has been updated with everything that came in.

Thank you to the grange hall for the tables, to Ines for the soup, and to the small boy who helped sort beans for two hours and could not be persuaded to stop.""",
        "sticky": False,
        "comments_open": True,
    },
    {
        "title": "Welcome to Wrenfield Commons",
        "slug": "welcome-to-wrenfield-commons",
        "author": "mara",
        "days_ago": 200,
        "categories": ["town"],
        "tags": [],
        "body": """Hello, and welcome. This is the blog of Wrenfield Commons, a loose and cheerful group of neighbours who share a community garden on Mill Lane, a borrowed kitchen in the old grange hall, and a small workshop in what used to be the bike shop. We started writing things down because the same questions kept coming up at the garden gate, and because it seemed a shame to let a good season go unrecorded.

<!--more-->

## Who writes here

Three of us do most of the typing:

- **Mara** looks after the garden plots, the seed library and the compost, and will talk to you about soil for as long as you let her.
- **Jonah** keeps the tool library and the workshop running, and mends most of what the rest of us break.
- **Ines** runs the Thursday suppers at the grange hall and has firm opinions about pickles.

Other members will turn up as guest writers from time to time.

## What you'll find

Mostly practical notes: what we planted and how it went, recipes that survived a crowd, repairs that worked (and a few that didn't). We try to write up the mistakes as carefully as the successes, because those are the posts people actually find useful in March.

## How to join in

Comments are open on nearly every post, and we read all of them. If you live nearby, the garden gate is unlocked on Saturday mornings from nine, and the [membership page](https://example.org/wrenfield/join) explains plots, dues (small) and the work rota (also small). If you live far away, you're just as welcome to read along and tell us how things grow where you are.

Pull up a chair. There's usually tea.""",
        "sticky": True,
        "comments_open": True,
    },
]

DISCUSSION = {
    "post": "should-the-seed-library-lend-tools",
    "comments": [
        {
            "key": "c1",
            "parent": None,
            "name": "Rosa Delgado",
            "email": "rosa.delgado@example.net",
            "url": "",
            "body": (
                "Speaking as someone who uses both: please don't squeeze them into the grange hall "
                "cabinet. I borrowed the post-hole digger last month and I can't picture it living "
                "next to the lettuce seed.\n\n"
                "What would really help me is one shared list, so I can see from home what's "
                "available in both places before I walk down."
            ),
            "minutes_after": 38,
        },
        {
            "key": "c2",
            "parent": "c1",
            "name": "Tom Pryce",
            "email": "tom.pryce@example.net",
            "url": "https://example.org/tompryce",
            "body": (
                "A shared list would be brilliant. Even a printed sheet on the grange hall "
                "noticeboard would do. Half the time I don't find out the tool library has "
                "something until I've already bought one."
            ),
            "minutes_after": 71,
        },
        {
            "key": "c3",
            "parent": "c2",
            "name": "Helen Achterberg",
            "email": "helen.a@example.net",
            "url": "",
            "body": (
                "Isn't the tool list already a plain text file? Could the seed catalogue just be "
                "printed alongside it, in the same format?"
            ),
            "minutes_after": 130,
        },
        {
            "key": "c4",
            "parent": "c3",
            "name": "Jonah Whitcombe",
            "email": "jonah@example.com",
            "url": "",
            "author": "jonah",
            "body": (
                "It is, and it could. The seed catalogue is already on the website, so I'll try "
                "printing both together on one sheet and pinning it up in both places every "
                "Sunday.\n\n"
                "If that turns out to be enough, we can stop there and not reorganise anything else."
            ),
            "minutes_after": 188,
        },
        {
            "key": "c5",
            "parent": "c4",
            "name": "Rosa Delgado",
            "email": "rosa.delgado@example.net",
            "url": "",
            "body": (
                "That's all I was after, honestly. Thank you, Jonah. I'll report back on whether I actually read it."
            ),
            "minutes_after": 241,
        },
        {
            "key": "c6",
            "parent": None,
            "name": "Sam Whitlow",
            "email": "sam.whitlow@example.net",
            "url": "",
            "body": (
                "I'd vote for keeping them separate but lining up the opening hours. If both were "
                "open on Saturday mornings while the garden gate is open, most of the problem goes "
                "away on its own."
            ),
            "minutes_after": 305,
        },
        {
            "key": "c7",
            "parent": "c6",
            "name": "Priya Nand",
            "email": "priya.nand@example.net",
            "url": "",
            "body": (
                "Saturday mornings would suit me too, but please keep one weekday evening as well. "
                "Some of us work weekends."
            ),
            "minutes_after": 362,
        },
        {
            "key": "c8",
            "parent": "c7",
            "name": "Sam Whitlow",
            "email": "sam.whitlow@example.net",
            "url": "",
            "body": (
                "Fair point. Saturday morning and Thursday evening, then, since the workshop is "
                "open on Thursdays anyway?"
            ),
            "minutes_after": 420,
        },
        {
            "key": "c9",
            "parent": None,
            "name": "Walter Greaves",
            "email": "walt.greaves@example.net",
            "url": "https://example.com/walt",
            "body": (
                "For forty years I've lent my tools to the neighbours without a library, a list or "
                "a committee. You just knock on the door.\n\n"
                "Still, I'll admit the library got my ladder back to me faster than my neighbour "
                "ever did."
            ),
            "minutes_after": 610,
        },
        {
            "key": "c10",
            "parent": "c9",
            "name": "Helen Achterberg",
            "email": "helen.a@example.net",
            "url": "",
            "body": "Walter, I think that may be the most glowing review the tool library has ever had.",
            "minutes_after": 655,
        },
        {
            "key": "c11",
            "parent": None,
            "name": "Anna Kowal",
            "email": "anna.kowal@example.net",
            "url": "",
            "body": (
                "One small idea: could the seed library lend out a couple of seed-starting kits in "
                "spring? Trays, a heat mat, a bag of compost. That sits nicely between seeds and "
                "tools, and it's exactly the sort of thing new growers don't want to buy before "
                "they know whether they'll stick at it."
            ),
            "minutes_after": 902,
        },
        {
            "key": "c12",
            "parent": "c11",
            "name": "Tom Pryce",
            "email": "tom.pryce@example.net",
            "url": "https://example.org/tompryce",
            "body": (
                "Yes to this. I'd have borrowed one in March instead of buying three things I've used exactly once."
            ),
            "minutes_after": 1015,
        },
    ],
}

CLOSED_POST_COMMENTS = [
    {
        "key": "k1",
        "parent": None,
        "name": "Greta Lind",
        "email": "greta.lind@example.net",
        "url": "",
        "body": (
            "Delighted with the fritters result. Could the chocolate cake happen in the first week "
            "of September, when we're all thoroughly sick of the sight of them?"
        ),
        "minutes_after": 25,
    },
    {
        "key": "k2",
        "parent": None,
        "name": "Mark Ostrowski",
        "email": "mark.o@example.net",
        "url": "",
        "body": (
            "For the record, I stand by everything I said about courgettes. But I'll happily "
            "argue it over a plate of fritters."
        ),
        "minutes_after": 52,
    },
    {
        "key": "k3",
        "parent": "k2",
        "name": "Greta Lind",
        "email": "greta.lind@example.net",
        "url": "",
        "body": "Mark, they are the same vegetable. I'm bringing a botany book on Thursday.",
        "minutes_after": 70,
    },
]

ABOUT_PAGE = """Wrenfield Commons is the shared notebook of a few neighbours who run a community garden,
a tool library and a weekly supper in a small market town.

Three of us write here: Mara looks after the plots and the seed library, Jonah keeps the
tools sharp and the workshop open on Thursdays, and Ines cooks for whoever turns up.

Comments are welcome on every post that is still open. Be kind, stay on topic, and if you
would rather not give your name, you do not have to.
"""
